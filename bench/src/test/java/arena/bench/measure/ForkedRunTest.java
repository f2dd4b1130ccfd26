package arena.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ForkedRunTest {

    private static final long GB = 1L << 30;

    @Test
    void aChild_startsOnAPreTouchedHeapOf256Mb_asItsFirstFlags() {
        List<String> command = new ForkedRun(PrintHeap.class.getName()).command(List.of("x"), 1);

        assertThat(command.subList(1, 3)).containsExactly("-Xms256m", "-XX:+AlwaysPreTouch");
        assertThat(command).endsWith(PrintHeap.class.getName(), "x");
    }

    @Test
    void thePreTouchedHeap_isCappedAtTheMaximumHeap() {
        assertThat(ForkedRun.preTouchedHeap(List.of("-Xmx128m"), 128L << 20)).containsExactly("-Xms128m", "-XX:+AlwaysPreTouch");
        assertThat(ForkedRun.preTouchedHeap(List.of(), 16 * GB)).containsExactly("-Xms256m", "-XX:+AlwaysPreTouch");
    }

    @Test
    void aUsersOwnInitialHeapOrPreTouchChoice_standsAlone() {
        assertThat(ForkedRun.preTouchedHeap(List.of("-Xms2g"), 16 * GB)).isEmpty();
        assertThat(ForkedRun.preTouchedHeap(List.of("-XX:InitialHeapSize=1073741824"), 16 * GB)).isEmpty();
        assertThat(ForkedRun.preTouchedHeap(List.of("-XX:-AlwaysPreTouch"), 16 * GB)).isEmpty();
    }

    @Test
    void aRealChild_runsWithThatHeap() throws Exception {
        Process process = new ProcessBuilder(new ForkedRun(PrintHeap.class.getName()).command(List.of(), 1))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the child ended").isTrue();
            assertThat(process.exitValue()).as("the child's exit code, output " + lines).isZero();

            assertThat(lines).containsExactly("InitialHeapSize " + ForkedRun.PRE_TOUCHED_HEAP_BYTES, "AlwaysPreTouch true");
        } finally {
            process.destroyForcibly();
        }
    }

    /** Prints this JVM's initial heap size and whether it pre-touched it. */
    static final class PrintHeap {
        public static void main(String[] args) {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            System.out.println("InitialHeapSize " + vm.getVMOption("InitialHeapSize").getValue());
            System.out.println("AlwaysPreTouch " + vm.getVMOption("AlwaysPreTouch").getValue());
        }
    }
}
