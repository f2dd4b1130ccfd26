package arena.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StolenTimeTest {

    /** /proc/stat of a 4-CPU guest as Linux writes it: the aggregate line, then one line per CPU; steal is the 8th value. */
    private static final String STAT = """
            cpu  6517077 21542 511204 4401848 8743 0 11992 136241 0 0
            cpu0 3251699 11720 251341 2232338 1490 0 4477 1000 0 0
            cpu1 3266531 9821 260187 2201947 7303 0 7529 200 0 0
            cpu2 3266531 9821 260187 2201947 7303 0 7529 30 0 0
            cpu3 3266531 9821 260187 2201947 7303 0 7529 4 0 0
            intr 46141160 0 0 0 0 0 0 0 0 0 0
            ctxt 97218745
            btime 1795758000
            processes 412352
            procs_running 2
            """;

    private static final String STATUS = """
            Name:\tjava
            Cpus_allowed:\t13
            Cpus_allowed_list:\t0-1,4
            Mems_allowed_list:\t0
            """;

    @Test
    void cpuLists_readSinglesRangesAndBoth() {
        assertThat(StolenTime.cpuList("0")).isEqualTo(cpus(0));
        assertThat(StolenTime.cpuList("0-1")).isEqualTo(cpus(0, 1));
        assertThat(StolenTime.cpuList("0-1,4,8-9")).isEqualTo(cpus(0, 1, 4, 8, 9));
    }

    @Test
    void aCpuListThatIsNotOne_isRefusedNamingIt() {
        assertThatThrownBy(() -> StolenTime.cpuList("0-x")).hasMessageContaining("'0-x'");
        assertThatThrownBy(() -> StolenTime.cpuList("3-1")).hasMessageContaining("'3-1'");
    }

    @Test
    void theAllowedCpus_comeFromTheCpusAllowedListLine_orNoneWithoutIt() {
        assertThat(StolenTime.allowedCpus(STATUS)).contains(cpus(0, 1, 4));
        assertThat(StolenTime.allowedCpus("Name:\tjava\nCpus_allowed:\t13\n")).isEmpty();
    }

    @Test
    void stealIsSummedOverTheAllowedCpusOnly_orOverEveryCpuLine_neverTheAggregate() {
        assertThat(StolenTime.stealTicks(STAT, cpus(0))).hasValue(1000);
        assertThat(StolenTime.stealTicks(STAT, cpus(1, 3))).hasValue(204);
        assertThat(StolenTime.stealTicks(STAT, cpus(0, 1, 4))).hasValue(1200);
        assertThat(StolenTime.stealTicks(STAT, null)).hasValue(1234);
    }

    @Test
    void aStatWithoutAStealColumn_accountsNone() {
        assertThat(StolenTime.stealTicks("cpu  1 2 3 4 5 6 7\ncpu0 1 2 3 4 5 6 7\n", null)).isEqualTo(OptionalLong.empty());
        assertThat(StolenTime.stealTicks("intr 1 2 3\n", null)).isEqualTo(OptionalLong.empty());
    }

    @Test
    void aReading_isTicksOfTenMilliseconds_overTheAllowedCpus_orEveryCpuWithoutAStatus(@TempDir Path dir) throws Exception {
        Path stat = Files.writeString(dir.resolve("stat"), STAT);
        Path status = Files.writeString(dir.resolve("status"), STATUS);

        assertThat(StolenTime.read(stat, status)).isEqualTo(new StolenTime(true, 12_000));
        assertThat(StolenTime.read(stat, dir.resolve("no-status"))).isEqualTo(new StolenTime(true, 12_340));
    }

    @Test
    void withoutProcStat_stolenTimeIsNotAvailable_ratherThanZero(@TempDir Path dir) throws Exception {
        Path status = Files.writeString(dir.resolve("status"), STATUS);

        StolenTime reading = StolenTime.read(dir.resolve("no-stat"), status);

        assertThat(reading).isEqualTo(StolenTime.NOT_AVAILABLE);
        assertThat(reading.available()).isFalse();
    }

    @Test
    void onThisLinuxMachine_aReadingIsAvailable_andNeverGoesBackwards() {
        assumeThat(Path.of("/proc/stat")).as("Linux").exists();

        StolenTime first = StolenTime.read();
        StolenTime second = StolenTime.read();

        assertThat(first.available()).isTrue();
        assertThat(first.ms()).isNotNegative();
        assertThat(second.ms()).isGreaterThanOrEqualTo(first.ms());
    }

    @Test
    void aChildJvmPinnedToOneCpu_readsExactlyThatCpu_andOnlyItsSteal() throws Exception {
        assumeThat(Path.of("/proc/self/status")).as("Linux").exists();
        BitSet ours = StolenTime.allowedCpus(Files.readString(Path.of("/proc/self/status"))).orElseThrow();
        int cpu = ours.nextSetBit(0);
        long before = StolenTime.stealTicks(Files.readString(Path.of("/proc/stat")), cpus(cpu)).orElseThrow();

        List<String> child = runPinned(cpu, PrintStolenTime.class);

        long after = StolenTime.stealTicks(Files.readString(Path.of("/proc/stat")), cpus(cpu)).orElseThrow();
        assertThat(child.get(0)).isEqualTo("allowed " + cpus(cpu));
        long childMs = Long.parseLong(child.get(1).substring("stolen ".length()));
        assertThat(childMs).isBetween(before * StolenTime.MS_PER_TICK, after * StolenTime.MS_PER_TICK);
    }

    /** Prints the CPUs this JVM may run on and the stolen time it reads over them. */
    static final class PrintStolenTime {
        public static void main(String[] args) throws Exception {
            System.out.println("allowed " + StolenTime.allowedCpus(Files.readString(Path.of("/proc/self/status"))).orElseThrow());
            System.out.println("stolen " + StolenTime.read().ms());
        }
    }

    /** Runs {@code main}'s class in a fresh JVM under {@code taskset -c cpu} and returns its stdout's lines. */
    private static List<String> runPinned(int cpu, Class<?> main) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        return ChildJvm.linesOf(List.of("taskset", "-c", Integer.toString(cpu), java, "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), main.getName()));
    }

    private static BitSet cpus(int... numbers) {
        BitSet set = new BitSet();
        for (int n : numbers) {
            set.set(n);
        }
        return set;
    }
}
