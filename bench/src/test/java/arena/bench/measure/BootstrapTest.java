package arena.bench.measure;


import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BootstrapTest {

    /** {@code n} samples around {@code center} with Gaussian noise of relative size {@code noise}. */
    private static List<Double> samples(long seed, int n, double center, double noise) {
        Random random = new Random(seed);
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            samples.add(center * (1 + noise * random.nextGaussian()));
        }
        return samples;
    }

    @Test
    void sameSeed_sameInterval_andTheOrderOfSamplesDoesNotMatter() {
        List<Double> base = samples(1, 12, 100, 0.1);
        List<Double> cur = samples(2, 9, 110, 0.1);
        List<Double> shuffled = new ArrayList<>(cur);
        Collections.shuffle(shuffled, new Random(3));

        assertThat(Bootstrap.medianRatio(base, cur, 42, 2000)).isEqualTo(Bootstrap.medianRatio(base, cur, 42, 2000))
                .isEqualTo(Bootstrap.medianRatio(base, shuffled, 42, 2000));
        assertThat(Bootstrap.median(cur, 42, 2000)).isEqualTo(Bootstrap.median(shuffled, 42, 2000));
        assertThat(Bootstrap.medianRatio(base, cur, 43, 2000)).isNotEqualTo(Bootstrap.medianRatio(base, cur, 42, 2000));
    }

    @Test
    void interval_containsTheEstimate_whichIsTheMedianOfStats() {
        for (long seed = 0; seed < 20; seed++) {
            List<Double> values = samples(seed, 3 + (int) seed, 50, 0.5 + seed);
            values.replaceAll(Math::abs);
            Bootstrap.Interval median = Bootstrap.median(values, seed, 500);
            assertThat(median.estimate()).isEqualTo(Stats.of(values).median());
            assertThat(median.contains(median.estimate())).isTrue();
            Bootstrap.Interval ratio = Bootstrap.medianRatio(values, samples(seed + 100, 5, 60, 0.3), seed, 500);
            assertThat(ratio.contains(ratio.estimate())).as("seed %d: %s", seed, ratio).isTrue();
        }
    }

    @Test
    void identicalDistributions_ratioIntervalContainsOne() {
        List<Double> same = samples(5, 10, 24, 0.05);
        Bootstrap.Interval itself = Bootstrap.medianRatio(same, same, 42, Bootstrap.DEFAULT_RESAMPLES);
        assertThat(itself.estimate()).isEqualTo(1.0);
        assertThat(itself.contains(1.0)).isTrue();

        Bootstrap.Interval twoDraws = Bootstrap.medianRatio(samples(6, 30, 24, 0.05), samples(7, 30, 24, 0.05), 42,
                Bootstrap.DEFAULT_RESAMPLES);
        assertThat(twoDraws.contains(1.0)).as(twoDraws.toString()).isTrue();
        assertThat(twoDraws.high() - twoDraws.low()).isLessThan(0.1);
    }

    @Test
    void thirtyPercentShift_withLowNoise_excludesOne() {
        Bootstrap.Interval ratio = Bootstrap.medianRatio(samples(8, 8, 100, 0.01), samples(9, 8, 130, 0.01), 42,
                Bootstrap.DEFAULT_RESAMPLES);
        assertThat(ratio.low()).isGreaterThan(1.2);
        assertThat(ratio.high()).isLessThan(1.4);
        assertThat(ratio.estimate()).isBetween(1.27, 1.33);
    }

    @Test
    void constantSamples_giveAZeroWidthInterval() {
        assertThat(Bootstrap.median(List.of(3.0, 3.0, 3.0), 1, 100)).isEqualTo(new Bootstrap.Interval(3, 3, 3));
    }

    @Test
    void refusesEmptyOrNonPositiveSamples_andTooFewResamples() {
        assertThatThrownBy(() -> Bootstrap.median(List.of(), 1, 100)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no sample");
        assertThatThrownBy(() -> Bootstrap.median(List.of(1.0, Double.NaN), 1, 100)).hasMessageContaining("samples[1]");
        assertThatThrownBy(() -> Bootstrap.medianRatio(List.of(0.0), List.of(1.0), 1, 100)).hasMessageContaining("baseline[0]");
        assertThatThrownBy(() -> Bootstrap.median(List.of(1.0), 1, 0)).hasMessageContaining("resamples");
        assertThatThrownBy(() -> new Bootstrap.Interval(1, 2, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void drawingTheMedianFromOrderStatistics_agreesWithResamplingEverySample() {
        long seed = Long.getLong("arena.seed", System.nanoTime());
        System.out.println("BootstrapTest resampling seed: " + seed + " (replay with -Darena.seed=" + seed + ")");
        for (int n : new int[] {201, 200}) {
            List<Double> values = samples(seed + n, n, 20, 0.1);
            Bootstrap.Interval drawn = Bootstrap.median(values, seed, 20_000);
            Bootstrap.Interval resampled = explicitResampling(values, seed, 20_000);
            double width = resampled.high() - resampled.low();
            assertThat(drawn.estimate()).isEqualTo(resampled.estimate());
            assertThat(drawn.low()).as("n=%d low", n).isCloseTo(resampled.low(), org.assertj.core.data.Offset.offset(0.15 * width));
            assertThat(drawn.high()).as("n=%d high", n).isCloseTo(resampled.high(), org.assertj.core.data.Offset.offset(0.15 * width));
        }
    }

    @Test
    void aMillionSamplesPerList_takeAboutASortEach_notASortPerResample() {
        List<Double> base = samples(1, 1_000_000, 20, 0.05);
        List<Double> cur = samples(2, 1_000_000, 21, 0.05);
        long start = System.nanoTime();
        Bootstrap.Interval ratio = Bootstrap.medianRatio(base, cur, 42, Bootstrap.DEFAULT_RESAMPLES);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BootstrapTest: medianRatio of 2 x 1,000,000 samples, %d resamples: %.2f s%n", Bootstrap.DEFAULT_RESAMPLES, seconds);
        assertThat(ratio.low()).isGreaterThan(1.04);
        assertThat(ratio.high()).isLessThan(1.06);
        assertThat(seconds).isLessThan(10);
    }

    /** The textbook bootstrap: draw every sample of every resample and sort it. */
    private static Bootstrap.Interval explicitResampling(List<Double> values, long seed, int resamples) {
        Random random = new Random(seed);
        double[] statistics = new double[resamples];
        double[] resample = new double[values.size()];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < resample.length; i++) {
                resample[i] = values.get(random.nextInt(resample.length));
            }
            java.util.Arrays.sort(resample);
            statistics[r] = median(resample);
        }
        java.util.Arrays.sort(statistics);
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double estimate = median(sorted);
        return new Bootstrap.Interval(estimate, Math.min(estimate, percentile(statistics, 0.025)), Math.max(estimate, percentile(statistics, 0.975)));
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double percentile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
