package arena.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import arena.core.problem.JuliaParams;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForkedRunTest {

    private static final long GB = 1L << 30;

    private static final long CHAPTERS_HEAP = ForkedRun.heapFor(List.of(JuliaParams.chapterCase()));

    @Test
    void theChaptersCase_getsA528MbHeap_512MbAndFourGridsInWhole16Mb() {
        JuliaParams chapter = JuliaParams.chapterCase(), larger = chapter.withResolution(4000);
        assertThat(CHAPTERS_HEAP).isEqualTo(528L << 20);
        assertThat(ForkedRun.heapFor(List.of(chapter, larger))).as("the largest problem sizes it: 512 MB + 4 * 61 MB, in whole 16 MB")
                .isEqualTo(768L << 20);
    }

    @Test
    void aChild_getsThatHeapFixedAndPreTouched_afterThisJvmsFlags() {
        List<String> command = new ForkedRun(PrintHeap.class.getName(), CHAPTERS_HEAP).command(List.of("x"), 1);

        int cp = command.indexOf("-cp");
        assertThat(command.subList(cp - 3, cp)).containsExactly("-Xms528m", "-Xmx528m", "-XX:+AlwaysPreTouch");
        assertThat(command).endsWith(PrintHeap.class.getName(), "x");
    }

    @Test
    void theHeap_isCappedAtThisJvmsMaximum_soAUsersXmxCapsIt() {
        long max = Runtime.getRuntime().maxMemory();
        List<String> command = new ForkedRun(PrintHeap.class.getName(), 64 * GB).command(List.of(), 1);

        assertThat(command).contains("-Xmx" + (max >> 20) + "m");
    }

    @Test
    void aUsersOwnInitialHeapOrPreTouchChoice_standsAlone() {
        for (String flag : List.of("-Xms2g", "-XX:InitialHeapSize=1073741824", "-XX:-AlwaysPreTouch", "-XX:+AlwaysPreTouch")) {
            assertThat(ForkedRun.preTouchedHeap(List.of("--add-modules=jdk.incubator.vector", flag), 16 * GB)).as(flag).isEmpty();
        }
        assertThat(ForkedRun.preTouchedHeap(List.of("--add-modules=jdk.incubator.vector", "-Xmx16g"), 300L << 20))
                .containsExactly("-Xms300m", "-Xmx300m", "-XX:+AlwaysPreTouch");
    }

    @Test
    void aRealChild_runsWithThatHeap() throws Exception {
        List<String> lines = ChildJvm.linesOf(new ForkedRun(PrintHeap.class.getName(), CHAPTERS_HEAP).command(List.of(), 1));

        assertThat(lines).containsExactly("InitialHeapSize " + (528L << 20), "MaxHeapSize " + (528L << 20), "AlwaysPreTouch true");
    }

    /** Prints this JVM's initial and maximum heap sizes and whether it pre-touched the heap. */
    static final class PrintHeap {
        public static void main(String[] args) {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            System.out.println("InitialHeapSize " + vm.getVMOption("InitialHeapSize").getValue());
            System.out.println("MaxHeapSize " + vm.getVMOption("MaxHeapSize").getValue());
            System.out.println("AlwaysPreTouch " + vm.getVMOption("AlwaysPreTouch").getValue());
        }
    }
}
