package arena.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import arena.bench.measure.SteadyState.Result;
import arena.bench.measure.SteadyState.Status;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SteadyStateTest {

    private static long seed;

    @BeforeAll
    static void printSeed() {
        seed = Long.getLong("arena.seed", System.nanoTime());
        System.out.println("SteadyStateTest seed: " + seed + " (replay with -Darena.seed=" + seed + ")");
    }

    private static double[] series(int length, IntToDoubleFunction sample) {
        return IntStream.range(0, length).mapToDouble(sample).toArray();
    }

    @Test
    void aFlatSeriesWithHalfAPercentOfNoise_isSteadyFromTheMinimumWarmup() {
        Random random = new Random(seed);
        Result result = SteadyState.standard(5).of(series(40, i -> 50 * (1 + 0.005 * random.nextGaussian())));

        assertThat(result).isEqualTo(new Result(Status.STEADY, 5));
    }

    @Test
    void aLateStep_isNotCalledSteadyBeforeIt() {
        Random random = new Random(seed);
        // 20 samples at 100 ms (before a late compilation), then 70 ms
        Result result = SteadyState.standard(5).of(series(50, i -> (i < 20 ? 100 : 70) * (1 + 0.003 * random.nextGaussian())));

        assertThat(result).isEqualTo(new Result(Status.STEADY, 20));
    }

    @Test
    void aSeriesThatDriftsForever_isNeverSteady() {
        Result result = new SteadyState(5, 0.02, 5, 30).of(series(60, i -> 100 * Math.pow(0.99, i)));

        assertThat(result).isEqualTo(new Result(Status.NEVER_STEADY, 30));
    }

    @Test
    void aStepAfterTheMaximumWarmup_isNeverSteady() {
        Result result = new SteadyState(5, 0.02, 0, 10).of(series(30, i -> i < 20 ? 100 : 70));

        assertThat(result.status()).isEqualTo(Status.NEVER_STEADY);
    }

    @Test
    void aLoneGcPause_doesNotHoldTheWarmupBack() {
        Result result = SteadyState.standard(0).of(series(20, i -> i == 3 || i == 17 ? 80 : 50));

        assertThat(result).isEqualTo(new Result(Status.STEADY, 0));
    }

    @Test
    void tooFewSamples_sayWhy_andBadSettingsOrSamplesAreRefusedNamingThem() {
        assertThat(SteadyState.standard(5).of(series(14, i -> 50)).status()).isEqualTo(Status.TOO_FEW_SAMPLES);
        assertThatThrownBy(() -> SteadyState.standard(0).of(new double[] {50, 0})).hasMessageStartingWith("series[1]");
        assertThatThrownBy(() -> new SteadyState(1, 0.02, 0, 10)).hasMessageStartingWith("window");
        assertThatThrownBy(() -> new SteadyState(5, 1.5, 0, 10)).hasMessageStartingWith("limit");
        assertThatThrownBy(() -> new SteadyState(5, 0.02, 10, 5)).hasMessageStartingWith("warm-up bounds");
    }
}
