package arena.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import arena.bench.measure.Bootstrap.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HierarchicalBootstrapTest {

    private static final long SEED = 42;

    @Test
    void oneFork_givesExactlyTheOneLevelInterval() {
        List<Double> samples = List.of(10.0, 12.0, 11.0, 15.0, 9.0, 13.0, 11.5);
        assertThat(HierarchicalBootstrap.median(List.of(samples), SEED, 2000))
                .isEqualTo(Bootstrap.median(samples, SEED, 2000));
        assertThat(HierarchicalBootstrap.medianRatio(List.of(samples), List.of(samples), SEED, 2000))
                .isEqualTo(Bootstrap.medianRatio(samples, samples, SEED, 2000));
    }

    @Test
    void forksThatEachRanAtOneSpeed_spanTheForksMedians() {
        List<List<Double>> forks = List.of(List.of(10.0, 10.0, 10.0), List.of(20.0, 20.0), List.of(30.0, 30.0, 30.0, 30.0));
        Interval interval = HierarchicalBootstrap.median(forks, SEED, 2000);
        // a resample's statistic is the median of three draws from {10, 20, 30}: each end has probability 7/27
        assertThat(interval).isEqualTo(new Interval(20, 10, 30));
        assertThat(HierarchicalBootstrap.forkMedians(forks)).containsExactly(10, 20, 30);
    }

    @Test
    void aForkLevelShift_widensTheInterval_wherePoolingTheSamplesWouldNot() {
        long seed = Long.getLong("arena.seed", System.nanoTime());
        System.out.println("HierarchicalBootstrapTest fork shift seed: " + seed + " (replay with -Darena.seed=" + seed + ")");
        Random random = new Random(seed);
        double[] shifts = {-8, -4, 0, 4, 8};
        List<List<Double>> forks = new ArrayList<>();
        List<Double> pooled = new ArrayList<>();
        for (double shift : shifts) {
            List<Double> fork = IntStream.range(0, 30).mapToObj(i -> 100 + shift + random.nextGaussian()).toList();
            forks.add(fork);
            pooled.addAll(fork);
        }
        Interval hierarchical = HierarchicalBootstrap.median(forks, SEED, 2000);
        Interval flat = Bootstrap.median(pooled, SEED, 2000);

        assertThat(hierarchical.high() - hierarchical.low()).isGreaterThan(3 * (flat.high() - flat.low()));
        assertThat(hierarchical.low()).isLessThan(98);
        assertThat(hierarchical.high()).isGreaterThan(102);
    }

    @Test
    void theSameBuildInTwoRuns_givesARatioIntervalAroundOne_andTheSameSeedTheSameInterval() {
        List<List<Double>> baseline = List.of(List.of(50.0, 51.0, 49.5, 50.2), List.of(52.0, 51.5, 52.4, 51.9));
        List<List<Double>> current = List.of(List.of(51.8, 52.1, 51.7, 52.0), List.of(49.9, 50.3, 50.1, 50.0));
        Interval ratio = HierarchicalBootstrap.medianRatio(baseline, current, SEED, 2000);

        assertThat(ratio.contains(1.0)).isTrue();
        assertThat(HierarchicalBootstrap.medianRatio(baseline, current, SEED, 2000)).isEqualTo(ratio);
    }

    @Test
    void aRealSlowdownInEveryFork_liesOutsideOne() {
        List<List<Double>> baseline = List.of(List.of(50.0, 51.0, 49.5), List.of(50.5, 50.8, 50.1), List.of(49.8, 50.2, 50.0));
        List<List<Double>> current = List.of(List.of(75.0, 76.0, 74.5), List.of(75.5, 75.8, 75.1), List.of(74.8, 75.2, 75.0));
        Interval ratio = HierarchicalBootstrap.medianRatio(baseline, current, SEED, 2000);

        assertThat(ratio.low()).isGreaterThan(1.45);
        assertThat(ratio.high()).isLessThan(1.55);
    }

    @Test
    void noFork_anEmptyFork_orANonPositiveRatioSample_isRefusedNamingIt() {
        assertThatThrownBy(() -> HierarchicalBootstrap.median(List.of(), SEED, 10)).hasMessage("forks has no fork");
        assertThatThrownBy(() -> HierarchicalBootstrap.median(List.of(List.of(1.0), List.of()), SEED, 10))
                .hasMessage("forks[1] has no sample");
        assertThatThrownBy(() -> HierarchicalBootstrap.medianRatio(List.of(List.of(1.0)), List.of(List.of(0.0)), SEED, 10))
                .hasMessageStartingWith("current[0][0] must be a finite positive number");
        assertThatThrownBy(() -> HierarchicalBootstrap.median(List.of(List.of(1.0)), SEED, 0))
                .hasMessage("resamples must be at least 1, got 0");
    }
}
