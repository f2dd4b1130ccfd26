package arena.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import arena.bench.measure.Bootstrap.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The pooled fork spread: known answers, and what it is for: on a machine whose JVMs differ by 10%,
 * two runs of one build with two forks per configuration get intervals that exclude "no change" about
 * as often as a 95% interval should, where a bootstrap over each configuration's own two forks does so
 * for about a third of the pairs.
 */
class ForkSpreadTest {

    /** One pair alone: its interval at 95%. */
    private static final FamilyWise ONE = new FamilyWise(1);

    @Test
    void studentQuantiles_matchTheTables() {
        assertThat(ForkSpread.t975(1)).isCloseTo(12.706, within(0.001));
        assertThat(ForkSpread.t975(2)).isCloseTo(4.303, within(0.001));
        assertThat(ForkSpread.t975(30)).isCloseTo(2.042, within(0.001));
        assertThat(ForkSpread.t975(40)).isCloseTo(2.021, within(0.001));
        assertThat(ForkSpread.t975(60)).isCloseTo(2.000, within(0.001));
        assertThat(ForkSpread.t975(120)).isCloseTo(1.980, within(0.001));
        assertThat(ForkSpread.t975(1_000_000)).isCloseTo(1.960, within(0.001));
    }

    @Test
    void pooledSpread_isTheStandardDeviationOfTheLogForkMediansAroundEachConfigurationsMean() {
        // two configurations: fork medians 100 and 110; 200, 180 and 190 (one sample per fork); one with one fork adds nothing
        ForkSpread spread = ForkSpread.pooled(List.of(forks(100, 110), forks(200, 180, 190), forks(50)));
        double a = Math.log(110 / 100.0) / 2;
        double m = (Math.log(200) + Math.log(180) + Math.log(190)) / 3;
        double ss = 2 * a * a + sq(Math.log(200) - m) + sq(Math.log(180) - m) + sq(Math.log(190) - m);
        assertThat(spread.degreesOfFreedom()).isEqualTo(1 + 2);
        assertThat(spread.sigma()).isCloseTo(Math.sqrt(ss / 3), within(1e-12));
    }

    @Test
    void perKernel_poolsEachKernelsConfigurationsApart_inTheOrderTheKernelsAppear() {
        record Row(String kernel, List<List<Double>> forks) {
        }
        List<Row> rows = List.of(new Row("vector", forks(100, 130)), new Row("scalar", forks(400, 404)),
                new Row("vector", forks(50, 60)), new Row("scalar", forks(800, 808)));
        var spreads = ForkSpread.perKernel(rows, Row::kernel, Row::forks);
        assertThat(spreads.keySet()).containsExactly("vector", "scalar");
        assertThat(spreads.get("vector")).isEqualTo(ForkSpread.pooled(List.of(forks(100, 130), forks(50, 60))));
        assertThat(spreads.get("scalar")).isEqualTo(ForkSpread.pooled(List.of(forks(400, 404), forks(800, 808))));
        assertThat(spreads.get("scalar").sigma()).isLessThan(spreads.get("vector").sigma() / 10);
    }

    @Test
    void withoutTwoForksOfAnyConfiguration_theSpreadIsUnknown_andIntervalsAreLeftAlone() {
        ForkSpread spread = ForkSpread.pooled(List.of(forks(100), forks(200)));
        Interval interval = new Interval(1.0, 0.99, 1.02);
        assertThat(spread.known()).isFalse();
        assertThat(spread.guardRatio(interval, 1, 1, ONE)).isEqualTo(interval);
        assertThat(spread.forksToTell(0.05, ONE)).isZero();
    }

    @Test
    void aNarrowInterval_isWidenedToTheStudentInterval_aWideOneIsKept() {
        ForkSpread spread = new ForkSpread(0.05, 24);
        double half = ForkSpread.t975(24) * 0.05 * Math.sqrt(1 / 2.0 + 1 / 2.0);
        Interval guarded = spread.guardRatio(new Interval(1.10, 1.09, 1.11), 2, 2, ONE);
        assertThat(guarded.estimate()).isEqualTo(1.10);
        assertThat(guarded.low()).isCloseTo(1.10 * Math.exp(-half), within(1e-12));
        assertThat(guarded.high()).isCloseTo(1.10 * Math.exp(half), within(1e-12));
        Interval wide = new Interval(1.10, 0.5, 2.0);
        assertThat(spread.guardRatio(wide, 2, 2, ONE)).isEqualTo(wide);
        assertThat(spread.guardMedian(new Interval(100, 99, 101), 4).high())
                .isCloseTo(100 * Math.exp(ForkSpread.t975(24) * 0.05 / 2), within(1e-9));
    }

    @Test
    void moreForks_narrowTheGuard_andTheAdviceSaysHowMany() {
        ForkSpread spread = new ForkSpread(0.02, 50);
        double two = spread.guardRatio(new Interval(1, 1, 1), 2, 2, ONE).high();
        double eight = spread.guardRatio(new Interval(1, 1, 1), 8, 8, ONE).high();
        assertThat(eight).isLessThan(two);
        int forks = spread.forksToTell(0.05, ONE);
        assertThat(spread.guardRatio(new Interval(1, 1, 1), forks, forks, ONE).high()).isLessThanOrEqualTo(1.025);
        assertThat(spread.guardRatio(new Interval(1, 1, 1), forks - 1, forks - 1, ONE).high()).isGreaterThan(1.025);
        FamilyWise many = new FamilyWise(25);
        int forksForMany = spread.forksToTell(0.05, many);
        assertThat(forksForMany).isGreaterThan(forks);
        assertThat(spread.guardRatio(new Interval(1, 1, 1), forksForMany, forksForMany, many).high()).isLessThanOrEqualTo(1.025);
        assertThat(spread.guardRatio(new Interval(1, 1, 1), forksForMany - 1, forksForMany - 1, many).high()).isGreaterThan(1.025);
    }

    /**
     * Many pairs at once, from a spread of few degrees of freedom: each pair's guard takes Student's
     * quantile at the pair's level (36 pairs: two-sided 99.86%, with 9 degrees of freedom 4.6 standard
     * deviations), not the 95% quantile scaled as if it were normal (2.26 x 1.63 = 3.7): t's tails are
     * heavier, and a spread that came out small must not make every interval too short at once.
     */
    @Test
    void manyPairsFromAFewDegreesOfFreedom_takeStudentsQuantileAtThePairsLevel() {
        ForkSpread spread = new ForkSpread(0.03, 9);
        FamilyWise together = new FamilyWise(36);
        double t = StudentT.quantile(1 - 0.025 / 36, 9);
        Interval guarded = spread.guardRatio(new Interval(1, 1, 1), 2, 2, together);
        assertThat(guarded.high()).isCloseTo(Math.exp(t * 0.03 * Math.sqrt(1 / 2.0 + 1 / 2.0)), within(1e-12));
        assertThat(Math.log(guarded.high())).isGreaterThan(1.2 * ForkSpread.t975(9) * together.scale() * 0.03);
    }

    /**
     * Two runs of one build: 25 configurations, 2 forks each, every JVM 10% (log standard deviation)
     * off its configuration's true time, samples 2% within a fork. The bootstrap over each pair's own
     * forks excludes 1 in about a third of the pairs; guarded by the pooled spread, in about 5%, as a
     * 95% interval should.
     */
    @Test
    void twoRunsOfOneBuildOnANoisyMachine_areNotToldApart() {
        long seed = System.nanoTime();
        System.out.println("ForkSpreadTest seed: " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        int bootstrapMarked = 0, guardedMarked = 0;
        for (int trial = 0; trial < 8; trial++) {
            List<List<List<Double>>> a = run(random), b = run(random);
            List<List<List<Double>>> both = new ArrayList<>(a);
            both.addAll(b);
            ForkSpread spread = ForkSpread.pooled(both);
            assertThat(spread.sigma()).as("seed %d", seed).isBetween(0.05, 0.17);
            for (int k = 0; k < a.size(); k++) {
                Interval ratio = HierarchicalBootstrap.medianRatio(a.get(k), b.get(k), seed + k, 400);
                bootstrapMarked += ratio.contains(1) ? 0 : 1;
                guardedMarked += spread.guardRatio(ratio, 2, 2, ONE).contains(1) ? 0 : 1;
            }
        }
        System.out.printf("ForkSpreadTest: of 200 same-build pairs, the bootstrap alone excludes 1 in %d, guarded in %d%n",
                bootstrapMarked, guardedMarked);
        // expected: about 30% of the pairs by the bootstrap alone; 5% (a 95% interval) guarded: 10 of 200, rarely over 20
        assertThat(bootstrapMarked).as("seed %d", seed).isGreaterThan(35);
        assertThat(guardedMarked).as("seed %d", seed).isLessThanOrEqualTo(22);
    }

    private static List<List<List<Double>>> run(SplittableRandom random) {
        List<List<List<Double>>> configurations = new ArrayList<>();
        for (int k = 0; k < 25; k++) {
            double truth = 50 + 10 * k;
            List<List<Double>> forks = new ArrayList<>();
            for (int f = 0; f < 2; f++) {
                double jvm = truth * Math.exp(0.10 * gaussian(random));
                List<Double> samples = new ArrayList<>();
                for (int s = 0; s < 10; s++) {
                    samples.add(jvm * Math.exp(0.02 * gaussian(random)));
                }
                forks.add(samples);
            }
            configurations.add(forks);
        }
        return configurations;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static List<List<Double>> forks(double... medians) {
        List<List<Double>> forks = new ArrayList<>();
        for (double m : medians) {
            forks.add(List.of(m));
        }
        return forks;
    }

    private static double sq(double x) {
        return x * x;
    }
}
