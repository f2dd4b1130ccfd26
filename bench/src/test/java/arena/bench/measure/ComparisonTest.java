package arena.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import arena.core.CountGrid;
import arena.core.Execution;
import arena.core.Schedule;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.StrategyRegistry;
import arena.core.kernel.Kernels;
import arena.core.problem.JuliaParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The harness's sampling rule on real strategies: warm-up by the steady-state rule, then the timed samples, a kernel's configurations in rounds. */
class ComparisonTest {

    private static final Reference REFERENCE = Reference.of(new JuliaParams(60, 0.322, 0.05, 1.5, 4.0, 300));

    private static Measurement measure(Comparison comparison) {
        var provider = StrategyRegistry.discover().find(StrategyRegistry.REFERENCE);
        var configuration = new Configuration(provider, Kernels.reference(), 1, new Schedule.Static(0));
        try (Strategy strategy = provider.open(StrategyConfig.threads(1))) {
            return comparison.measure(strategy, configuration, REFERENCE, Double.NaN);
        }
    }

    @Test
    void theTimedSamples_comeAfterAWarmUpOfAtLeastTheGivenRuns_andStayWithinRepeatAndMaxRepeat() {
        Measurement m = measure(new Comparison(3, 4, 6, 0));

        assertThat(m.identical()).isTrue();
        assertThat(m.samplesMs()).hasSizeBetween(4, 6);
        assertThat(m.warmUps()).hasSize(1);
        WarmUp warmUp = m.warmUps().get(0);
        assertThat(warmUp.samples()).isGreaterThanOrEqualTo(3);
        assertThat(m.contexts()).hasSize(m.samplesMs().size());
        // The rule needs two windows of samples before it can call anything steady.
        assertThat(warmUp.samples() + m.samplesMs().size()).isGreaterThanOrEqualTo(3 + 2 * SteadyState.standard(3).window());
    }

    @Test
    void aSeriesThatIsNotSteady_isStillTimedAfterTheMaximumWarmUp_andMarked() {
        // budget 0 and at most 2 timed samples: whatever the rule finds, sampling ends by the maximum warm-up + 2
        Measurement m = measure(new Comparison(0, 2, 2, 0));

        WarmUp warmUp = m.warmUps().get(0);
        assertThat(m.samplesMs()).hasSize(2);
        assertThat(warmUp.samples()).isLessThanOrEqualTo(SteadyState.standard(0).maxWarmup());
        assertThat(m.neverSteady()).isEqualTo(!warmUp.steady());
    }

    @Test
    void aKernelsConfigurations_takeTheirRunsInRounds_alternatelyForwardAndBackward_eachSeriesCutOnItsOwn() {
        StrategyRegistry registry = StrategyRegistry.discover();
        Configuration baseline = Configuration.baselineOf(registry, Kernels.reference());
        Configuration threads = new Configuration(registry.find("threads"), Kernels.reference(), 2, new Schedule.Static(0));
        Configuration forkjoin = new Configuration(registry.find("forkjoin"), Kernels.reference(), 2, new Schedule.Dynamic(1));
        List<String> runs = new ArrayList<>();
        List<String> verified = new ArrayList<>();
        List<Measurement> measured;
        try (OpenStrategies open = OpenStrategies.keepingEach(Map.of())) {
            measured = new Comparison(2, 4, 6, 0).measureInRounds(List.of(baseline, threads, forkjoin), baseline,
                    c -> new Logging(open.get(c), c.label(), runs), REFERENCE, verified::add);
        }

        assertThat(verified).containsExactly(baseline.label(), threads.label(), forkjoin.label());
        assertThat(measured).extracting(Measurement::configuration).containsExactly(baseline, threads, forkjoin);
        assertThat(measured).allMatch(Measurement::identical).allMatch(m -> m.samplesMs().size() >= 4 && m.samplesMs().size() <= 6);
        // the three verification runs first, then rounds: A B C, C B A, A B C, ... while all three still run
        assertThat(runs.subList(0, 3)).containsExactly(baseline.label(), threads.label(), forkjoin.label());
        List<String> rounds = runs.subList(3, 3 + 12);
        assertThat(rounds).containsExactly(
                baseline.label(), threads.label(), forkjoin.label(), forkjoin.label(), threads.label(), baseline.label(),
                baseline.label(), threads.label(), forkjoin.label(), forkjoin.label(), threads.label(), baseline.label());
        for (Measurement m : measured) {
            WarmUp warmUp = m.warmUps().getFirst();
            long runsOfIt = runs.stream().filter(m.configuration().label()::equals).count();
            assertThat(runsOfIt).as(m.configuration().label()).isEqualTo(1 + warmUp.samples() + m.samplesMs().size());
        }
        // every sample carries its start on the wall clock, in the order taken
        for (Measurement m : measured) {
            assertThat(m.startsRecorded()).isTrue();
            assertThat(m.contexts()).extracting(SampleContext::startedAtMs).isSorted();
        }
        // each configuration but the baseline divides the baseline's median
        double baseMedian = measured.getFirst().stats().median();
        assertThat(measured.get(1).baselineMedian()).isEqualTo(baseMedian);
        assertThat(measured.get(2).baselineMedian()).isEqualTo(baseMedian);
    }

    /** A real strategy that notes each run's configuration label, in the order they ran. */
    private record Logging(Strategy strategy, String label, List<String> runs) implements Strategy {

        @Override
        public String name() {
            return strategy.name();
        }

        @Override
        public int threads() {
            return strategy.threads();
        }

        @Override
        public CountGrid compute(JuliaParams params, Execution execution) {
            runs.add(label);
            return strategy.compute(params, execution);
        }

        @Override
        public double fraction(CountGrid grid, int maxval) {
            return strategy.fraction(grid, maxval);
        }

        @Override
        public void close() {
            strategy.close();
        }
    }
}
