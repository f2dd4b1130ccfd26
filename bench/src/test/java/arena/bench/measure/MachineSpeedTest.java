package arena.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MachineSpeedTest {

    private static MachineSpeed.Check check(long at, String kernel, double... ms) {
        return check(at, kernel, null, ms);
    }

    private static MachineSpeed.Check check(long at, String kernel, MachineSpeed.Workload workload, double... ms) {
        return new MachineSpeed.Check(at, kernel, java.util.Arrays.stream(ms).boxed().toList(),
                java.util.stream.IntStream.range(0, ms.length).boxed().toList(), workload);
    }

    @Test
    void aSteadyMachine_hasEveryKernelsSlowdownNearOne_andNoWarning() {
        MachineSpeed speed = new MachineSpeed(List.of(check(1, "vector", 3.50, 3.52), check(1, "scalar", 4.00, 4.02),
                check(2, "vector", 3.55, 3.51), check(2, "scalar", 4.01, 4.03)));

        assertThat(speed.slowdownPerKernel()).containsOnlyKeys("vector", "scalar");
        assertThat(speed.slowdownPerKernel().get("vector")).isCloseTo(3.55 / 3.50, within(1e-12));
        assertThat(speed.moved()).isFalse();
        assertThat(speed.warning()).isEmpty();
        assertThat(speed.summary()).hasValue("machine: 2 speed checks between forks, every CPU (2) at once: vector 3.50-3.55 ms (1.01x; "
                + "the CPUs 1.01x apart at one moment, median), scalar 4.00-4.03 ms (1.01x; the CPUs 1.00x apart at one moment, median)");
        assertThat(speed.cpusApart()).isFalse();
    }

    @Test
    void cpusThatRanApart_areTheMedianOverTheChecksOfTheSlowestOverTheFastestAtOneMoment() {
        // CPU 1 ran about 11% slower than CPU 0 through most of the run (a busy neighbour on its host core)
        MachineSpeed speed = new MachineSpeed(List.of(check(1, "vector", 3.63, 4.04), check(2, "vector", 3.60, 4.00),
                check(3, "vector", 3.70, 3.72), check(4, "vector", 3.65, 4.05), check(5, "vector", 3.62, 4.10)));

        assertThat(speed.typicalApartPerKernel().get("vector")).isCloseTo(4.00 / 3.60, within(1e-12));
        assertThat(speed.cpusApart()).isTrue();
        assertThat(speed.moved()).isTrue();
        assertThat(speed.summary()).hasValueSatisfying(line -> assertThat(line).contains("(1.14x; the CPUs 1.11x apart at one moment, median)"));
        // one CPU: nothing to be apart from
        MachineSpeed oneCpu = new MachineSpeed(List.of(check(1, "vector", 3.63), check(2, "vector", 4.04)));
        assertThat(oneCpu.typicalApartPerKernel()).isEmpty();
        assertThat(oneCpu.cpusApart()).isFalse();
        assertThat(oneCpu.summary()).hasValue("machine: 2 speed checks between forks, every CPU (1) at once: vector 3.63-4.04 ms (1.11x)");
    }

    @Test
    void aRunsTypicalSlowestCpu_isTheMedianOfEachChecksSlowestThread_perIteration() {
        MachineSpeed.Workload vector = new MachineSpeed.Workload(350, 4_000_000, "v".repeat(64));
        MachineSpeed.Workload scalar = new MachineSpeed.Workload(77, 2_000_000, "s".repeat(64));
        MachineSpeed speed = new MachineSpeed(List.of(check(1, "vector", vector, 3.50, 3.52), check(2, "vector", vector, 3.51, 4.375),
                check(3, "vector", vector, 3.60, 3.55), check(1, "scalar", scalar, 4.00, 4.10), check(2, "scalar", scalar, 4.20, 4.00),
                check(3, "scalar", 9.00, 9.00)));

        // 3.60 ms over 4,000,000 iterations; the check without a workload (an older file's) counts for nothing
        assertThat(speed.typicalSlowestPerKernel()).containsExactly(
                java.util.Map.entry("vector", new MachineSpeed.TypicalSpeed(0.9, "v".repeat(64))),
                java.util.Map.entry("scalar", new MachineSpeed.TypicalSpeed(2.075, "s".repeat(64))));
        assertThat(MachineSpeed.NONE.typicalSlowestPerKernel()).isEmpty();
        // a file from before the workload was recorded: checked, but not comparable
        assertThat(new MachineSpeed(List.of(check(1, "vector", 3.5, 3.5))).typicalSlowestPerKernel())
                .containsExactly(java.util.Map.entry("vector", new MachineSpeed.TypicalSpeed(Double.NaN, null)));
    }

    @Test
    void twoRunsTypicalSpeeds_compareOnlyWhenTheirKernelsCodeIsTheSame() {
        MachineSpeed.TypicalSpeed quick = new MachineSpeed.TypicalSpeed(1.0, "a".repeat(64));

        assertThat(quick.factorTo(new MachineSpeed.TypicalSpeed(1.25, "a".repeat(64)))).isCloseTo(1.25, within(1e-12));
        assertThat(new MachineSpeed.TypicalSpeed(1.25, "a".repeat(64)).factorTo(quick)).isCloseTo(1.25, within(1e-12));
        assertThat(quick.factorTo(new MachineSpeed.TypicalSpeed(1.25, "b".repeat(64)))).isNaN();
        assertThat(new MachineSpeed.TypicalSpeed(1.0, null).factorTo(new MachineSpeed.TypicalSpeed(1.0, null))).isNaN();
        assertThat(quick.factorTo(new MachineSpeed.TypicalSpeed(Double.NaN, "a".repeat(64)))).isNaN();
    }

    @Test
    void aWorkload_needsAPositiveSizeAndWork() {
        assertThatThrownBy(() -> new MachineSpeed.Workload(0, 10, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MachineSpeed.Workload(10, 0, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneSlowCpuAtOneMoment_isTheMachineMoving_byItsSlowestOverItsFastest() {
        // the host's core under CPU 1 was busy during the second check: vector code 25% slower there
        MachineSpeed speed = new MachineSpeed(List.of(check(1, "vector", 3.50, 3.52), check(2, "vector", 3.51, 4.375)));

        assertThat(speed.slowdownPerKernel().get("vector")).isCloseTo(1.25, within(1e-12));
        assertThat(speed.worstSlowdown()).isCloseTo(1.25, within(1e-12));
        assertThat(speed.moved()).isTrue();
        assertThat(speed.warning()).hasValueSatisfying(w -> assertThat(w).startsWith("warning: the machine's speed moved during this run")
                .contains("up to 1.25x as long"));
    }

    @Test
    void aForksSlowdown_isTheSlowerOfTheChecksJustBeforeAndJustAfterIt_overTheKernelsFastest() {
        MachineSpeed speed = new MachineSpeed(List.of(check(100, "vector", 3.5, 3.6), check(100, "scalar", 4.0, 4.0),
                check(200, "vector", 3.5, 4.2), check(300, "vector", 3.55, 3.5)));

        assertThat(speed.slowdownAround("vector", 110, 190)).isCloseTo(4.2 / 3.5, within(1e-12));
        assertThat(speed.slowdownAround("vector", 210, 290)).isCloseTo(4.2 / 3.5, within(1e-12));
        assertThat(speed.slowdownAround("vector", 300, 300)).isCloseTo(3.55 / 3.5, within(1e-12));
        assertThat(speed.slowdownAround("vector", 50, 60)).as("only a check after").isCloseTo(3.6 / 3.5, within(1e-12));
        assertThat(speed.slowdownAround("scalar", 110, 190)).as("only a check before").isEqualTo(1.0);
        assertThat(speed.slowdownAround("interleaved", 110, 190)).isNaN();
    }

    @Test
    void justBeyondTheLimit_moves_andJustWithin_doesNot() {
        assertThat(new MachineSpeed(List.of(check(1, "scalar", 4.0, 4.0 * 1.099))).moved()).isFalse();
        assertThat(new MachineSpeed(List.of(check(1, "scalar", 4.0, 4.0 * 1.101))).moved()).isTrue();
    }

    @Test
    void noChecks_sayNothing() {
        assertThat(MachineSpeed.NONE.summary()).isEmpty();
        assertThat(MachineSpeed.NONE.warning()).isEmpty();
        assertThat(MachineSpeed.NONE.worstSlowdown()).isEqualTo(1.0);
        assertThat(new MachineSpeed(null).checks()).isEmpty();
    }

    @Test
    void aCheck_needsOneTimeAndOneCpuPerThread() {
        assertThatThrownBy(() -> new MachineSpeed.Check(1, "scalar", List.of(1.0, 2.0), List.of(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 times and 1 CPUs");
        assertThatThrownBy(() -> new MachineSpeed.Check(1, "scalar", List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
