package arena.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import arena.bench.measure.Bootstrap;
import arena.bench.measure.Configuration;
import arena.bench.measure.Environment;
import arena.bench.measure.ForkPlan;
import arena.bench.measure.Measurement;
import arena.bench.measure.Reference;
import arena.bench.measure.Verification;
import arena.bench.measure.WarmUp;
import arena.core.Schedule;
import arena.core.StrategyRegistry;
import arena.core.kernel.Kernels;
import arena.core.problem.JuliaParams;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every report says about forks: how the run was measured (and the order seed), each row's
 * median and interval over its forks, the fork-to-fork spread, each fork's warm-up, and the rows
 * that never reached a steady state.
 */
class ForkedReportTest {

    private static final Reference REFERENCE = Reference.of(new JuliaParams(20, 0.322, 0.05, 1.5, 4.0, 100));

    /** Two forks: one at about 10 ms, one 10% slower throughout. */
    private static final List<Double> FORK_A = List.of(10.0, 10.1, 9.9, 10.05, 9.95, 10.02);
    private static final List<Double> FORK_B = List.of(11.0, 11.1, 10.9, 11.05, 10.95, 11.02);

    private static Measurement forked(String strategy, List<WarmUp> warmUps) {
        var configuration = new Configuration(StrategyRegistry.discover().find(strategy), Kernels.reference(), 2, new Schedule.Dynamic(1));
        var summary = REFERENCE.summary();
        var verification = new Verification(configuration, REFERENCE, summary.sha256(), summary.fraction(), Optional.empty(), true);
        List<Double> samples = new ArrayList<>(FORK_A);
        samples.addAll(FORK_B);
        List<Integer> forks = new ArrayList<>();
        FORK_A.forEach(s -> forks.add(3));
        FORK_B.forEach(s -> forks.add(0));
        return new Measurement(verification, samples, 20.0, null, forks, List.of(), warmUps);
    }

    @Test
    void aForkedRowsMedian_isTheMedianOfItsForksMedians_andItsIntervalHoldsTheForkToForkShift() {
        Measurement m = forked("threads", List.of(new WarmUp(3, true), new WarmUp(5, true)));

        assertThat(m.forkSamples()).containsExactly(FORK_A, FORK_B);
        assertThat(m.stats().median()).isCloseTo((10.01 + 11.01) / 2, within(1e-9));
        Bootstrap.Interval hierarchical = m.medianInterval(42);
        Bootstrap.Interval pooled = Bootstrap.median(m.samplesMs(), 42, Bootstrap.DEFAULT_RESAMPLES);
        assertThat(hierarchical.high() - hierarchical.low()).isGreaterThan(pooled.high() - pooled.low());
        assertThat(hierarchical.low()).isLessThanOrEqualTo(10.1);
        assertThat(hierarchical.high()).isGreaterThanOrEqualTo(10.9);
    }

    @Test
    void everyReport_saysHowItWasMeasured_withTheOrderSeed() throws Exception {
        Report forked = new Report(Environment.current(), new ForkPlan(2, 1234), List.of(forked("threads", List.of())), List.of());
        Report inProcess = new Report(Environment.current(), List.of(forked("threads", List.of())), List.of());

        assertThat(ReportFormat.text.render(forked)).contains("measured 2 forks per strategy, in randomized blocks, every second one reversed (ABBA; order seed 1234)");
        assertThat(ReportFormat.markdown.render(forked)).contains("Method: measured 2 forks per strategy, in randomized blocks, every second one reversed (ABBA; order seed 1234)");
        JsonNode json = new ObjectMapper().readTree(ReportFormat.json.render(forked));
        assertThat(json.get("forks").asInt()).isEqualTo(2);
        assertThat(json.get("order_seed").asLong()).isEqualTo(1234);
        assertThat(ReportFormat.text.render(inProcess)).contains("measured in-process, not forked");
        assertThat(ReportFormat.markdown.render(inProcess)).contains("Method: measured in-process, not forked");
        JsonNode inProcessJson = new ObjectMapper().readTree(ReportFormat.json.render(inProcess));
        assertThat(inProcessJson.get("forks").asInt()).isZero();
        assertThat(inProcessJson.has("order_seed")).isFalse();
    }

    @Test
    void theForkToForkSpread_andEachForksWarmUp_areInTheReports() throws Exception {
        Report report = new Report(Environment.current(), new ForkPlan(2, 7),
                List.of(forked("threads", List.of(new WarmUp(3, true), new WarmUp(5, true)))), List.of());

        // (11.01 - 10.01) / 10.51 = 9.5%
        assertThat(ReportFormat.text.render(report)).contains(" 10% ");
        assertThat(ReportFormat.markdown.render(report)).contains("| fork spread |").contains("| 10% |");
        JsonNode row = new ObjectMapper().readTree(ReportFormat.json.render(report)).get("results").get(0);
        assertThat(row.get("fork_medians_ms").toString()).isEqualTo("[10.01,11.01]");
        assertThat(row.get("warm_up_samples").toString()).isEqualTo("[3,5]");
        assertThat(row.get("steady").asBoolean()).isTrue();
        assertThat(ReportFormat.csv.render(report)).contains("10.01;11.01").contains(",3;5,");
    }

    @Test
    void aRowThatNeverBecameSteady_isFlaggedInEveryReport() throws Exception {
        Report report = new Report(Environment.current(), new ForkPlan(2, 7),
                List.of(forked("threads", List.of(new WarmUp(3, true), new WarmUp(20, false)))), List.of());

        assertThat(ReportFormat.text.render(report)).contains("never steady)")
                .contains("never steady: 1 row had a fork whose timings did not settle within 20 warm-up runs (threads/scalar/2t/dynamic:1)");
        assertThat(ReportFormat.markdown.render(report)).contains("never steady: 1 row");
        assertThat(new ObjectMapper().readTree(ReportFormat.json.render(report)).get("results").get(0).get("steady").asBoolean()).isFalse();
    }

    @Test
    void eachKernelIsGuardedByItsOwnForkSpread_soAQuietKernelIsNotCalledNoisyBecauseAnotherKernelIs() {
        // scalar rows whose two JVMs agree within 1%; interleaved rows whose JVMs differ by 30%
        List<Measurement> rows = List.of(
                twoForks("threads", Kernels.reference(), 1, 10.0, 10.1), twoForks("forkjoin", Kernels.reference(), 1, 20.0, 20.15),
                twoForks("threads", Kernels.byName("interleaved"), 1, 10.0, 13.0),
                twoForks("forkjoin", Kernels.byName("interleaved"), 1, 13.0, 10.0));
        Report report = new Report(Environment.current(), new ForkPlan(2, 7), rows, List.of());

        assertThat(report.forkSpreads()).containsOnlyKeys("scalar", "interleaved");
        assertThat(Math.expm1(report.forkSpread("scalar").sigma())).isLessThan(0.01);
        assertThat(Math.expm1(report.forkSpread("interleaved").sigma())).isGreaterThan(0.15);
        assertThat(report.noisy(rows.get(0))).isFalse();
        assertThat(report.noisy(rows.get(2))).isTrue();
        Bootstrap.Interval quiet = report.medianInterval(rows.get(0));
        assertThat(quiet.high() / quiet.low()).isLessThan(1.10);
    }

    @Test
    void aRowWithAForkMeasuredWhileTheMachineWasSlow_isMarked_withEachForksSlowdownInResultsJson() throws Exception {
        // fork 3 measured from t=1000 to about t=1060, fork 0 from t=5000 on; checks at 900, 1100, 4900 and 5100 ms
        Measurement m = forked("threads", List.of(new WarmUp(3, true), new WarmUp(5, true)));
        List<arena.bench.measure.SampleContext> contexts = new ArrayList<>();
        for (int i = 0; i < m.samplesMs().size(); i++) {
            long start = i < FORK_A.size() ? 1000 + 10L * i : 5000 + 12L * (i - FORK_A.size());
            contexts.add(new arena.bench.measure.SampleContext(0, 0, 0, 0, true, start));
        }
        Measurement timed = new Measurement(m.verification(), m.samplesMs(), m.baselineMedian(), null, m.sampleForks(), contexts, m.warmUps());
        arena.bench.measure.MachineSpeed speed = new arena.bench.measure.MachineSpeed(List.of(
                check(900, 4.0, 4.02), check(1100, 4.01, 5.0), check(4900, 4.0, 4.1), check(5100, 4.03, 4.0)));
        Report report = new Report(Environment.current(), new ForkPlan(2, 7), List.of(timed), List.of(), speed);

        assertThat(report.forkMachineSlowdowns(timed)).containsExactly(1.25, 1.025);
        assertThat(report.machineSlowed(timed)).isTrue();
        String text = ReportFormat.text.render(report);
        assertThat(text).contains("yes (noisy, machine slowed)").contains("machine: 4 speed checks between forks, every CPU (2) at once: scalar "
                + "4.00-5.00 ms (1.25x; the CPUs 1.02x apart at one moment, median); the machine's speed moved beyond 10%")
                .contains("1 of 1 rows had a fork measured while it was slower").doesNotContain("the CPUs ran apart");
        JsonNode row = new ObjectMapper().readTree(ReportFormat.json.render(report)).get("results").get(0);
        assertThat(row.get("fork_machine_slowdowns")).extracting(JsonNode::asDouble).containsExactly(1.25, 1.025);
        assertThat(report.machineSpeed().warning()).isPresent();

        Report steady = new Report(Environment.current(), new ForkPlan(2, 7), List.of(timed), List.of(),
                new arena.bench.measure.MachineSpeed(List.of(check(900, 4.0, 4.02), check(5100, 4.03, 4.0))));
        assertThat(steady.machineSlowed(timed)).isFalse();
        assertThat(ReportFormat.text.render(steady)).doesNotContain("machine slowed").contains("steady within 10%");
        Report apart = new Report(Environment.current(), new ForkPlan(2, 7), List.of(timed), List.of(),
                new arena.bench.measure.MachineSpeed(List.of(check(900, 4.0, 4.3), check(5100, 4.03, 4.35))));
        assertThat(ReportFormat.text.render(apart)).contains("steady within 10%; the CPUs ran apart: a one-thread row whose work runs on "
                + "another thread than sequential's may differ from it by that much for that reason alone");
        assertThat(new Report(Environment.current(), new ForkPlan(2, 7), List.of(m), List.of(), speed).forkMachineSlowdowns(m))
                .as("no sample starts recorded").isEmpty();
    }

    @Test
    void rowsOfAKernelThatNoCheckRan_areNamed_asRowsThatCannotBeMarked() {
        // the checks ran scalar only, as a run checks only its kernels in Java beside openmp's native rows
        List<Measurement> rows = List.of(twoForks("threads", Kernels.reference(), 1, 10.0, 10.1),
                twoForks("threads", Kernels.byName("interleaved"), 1, 10.0, 10.2), twoForks("forkjoin", Kernels.byName("interleaved"), 1, 12.0, 12.1));
        arena.bench.measure.MachineSpeed speed = new arena.bench.measure.MachineSpeed(List.of(check(900, 4.0, 4.02), check(5100, 4.03, 4.0)));

        assertThat(ReportFormat.text.render(new Report(Environment.current(), new ForkPlan(2, 7), rows, List.of(), speed)))
                .contains("steady within 10%; no check runs interleaved (a strategy's native code): its 2 rows cannot be marked (results.json");
        assertThat(ReportFormat.text.render(new Report(Environment.current(), new ForkPlan(2, 7), rows.subList(0, 1), List.of(), speed)))
                .contains("steady within 10% (results.json").doesNotContain("no check runs");
    }

    private static arena.bench.measure.MachineSpeed.Check check(long startedMs, double... cpuMs) {
        return new arena.bench.measure.MachineSpeed.Check(startedMs, "scalar", java.util.Arrays.stream(cpuMs).boxed().toList(),
                java.util.stream.IntStream.range(0, cpuMs.length).boxed().toList());
    }

    /** A configuration measured in two forks of five samples each, at {@code first} and {@code second} ms (1% jitter). */
    private static Measurement twoForks(String strategy, arena.core.kernel.Kernel kernel, int threads, double first, double second) {
        var configuration = new Configuration(StrategyRegistry.discover().find(strategy), kernel, threads, new Schedule.Static(0));
        var summary = REFERENCE.summary();
        var verification = new Verification(configuration, REFERENCE, summary.sha256(), summary.fraction(), Optional.empty(), true);
        List<Double> samples = new ArrayList<>();
        List<Integer> forks = new ArrayList<>();
        double[] jitter = {1.0, 1.01, 0.99, 1.005, 0.995};
        for (double j : jitter) {
            samples.add(first * j);
            forks.add(0);
        }
        for (double j : jitter) {
            samples.add(second * j);
            forks.add(1);
        }
        return new Measurement(verification, samples, first, null, forks, List.of(), List.of());
    }
}
