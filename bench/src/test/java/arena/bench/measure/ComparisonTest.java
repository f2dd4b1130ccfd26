package arena.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import arena.core.Schedule;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.StrategyRegistry;
import arena.core.kernel.Kernels;
import arena.core.problem.JuliaParams;
import org.junit.jupiter.api.Test;

/** The harness's sampling rule on a real strategy: warm-up by the steady-state rule, then the timed samples. */
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
        // every sample carries its start on the wall clock, in the order taken
        assertThat(m.startsRecorded()).isTrue();
        assertThat(m.contexts()).extracting(SampleContext::startedAtMs).isSorted();
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
}
