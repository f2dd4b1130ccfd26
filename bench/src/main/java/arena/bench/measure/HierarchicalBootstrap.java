package arena.bench.measure;

import arena.bench.measure.Bootstrap.Interval;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Two-level percentile-bootstrap 95% intervals for timings taken in several JVM invocations (forks):
 * the median of a configuration and the ratio of two configurations' medians, with the
 * fork-to-fork variance inside the interval (Kalibera and Jones, ISMM 2013: resample at every level
 * where the variance arises). Each resample draws as many forks as there are, with replacement, and
 * within each drawn fork as many samples as it has, with replacement; its statistic is the median
 * of the drawn forks' medians. The point estimate is the median of the forks' medians. Stateless;
 * safe to call from any thread; the same arguments always give the same interval.
 *
 * <p>One fork degenerates to {@link Bootstrap#median}: the same statistic, drawn the same way from
 * the same random stream, so the two give identical intervals. A fork-level shift (one JVM that
 * ran 10% slower throughout) widens the interval, where pooling every sample into one list would
 * not; that is what keeps a diff of two runs of the same build quiet.
 */
public final class HierarchicalBootstrap {

    private HierarchicalBootstrap() {
    }

    /**
     * The median of the forks' medians with its 95% interval.
     *
     * @param forks the samples of each fork (milliseconds); at least one fork, each with a sample
     * @throws IllegalArgumentException when there is no fork, a fork has no sample, a sample is not
     *                                  finite, or {@code resamples < 1}
     */
    public static Interval median(List<List<Double>> forks, long seed, int resamples) {
        double[][] sorted = check("forks", forks, false);
        Bootstrap.requireResamples(resamples);
        SplittableRandom random = new SplittableRandom(seed);
        double[] statistics = new double[resamples];
        double[] drawn = new double[sorted.length];
        for (int r = 0; r < resamples; r++) {
            statistics[r] = resampledMedian(sorted, drawn, random);
        }
        return Bootstrap.interval(medianOfForks(sorted), statistics);
    }

    /**
     * The ratio of {@code current}'s median to {@code baseline}'s (each the median of its forks'
     * medians) with its 95% interval; the two are resampled independently.
     *
     * @throws IllegalArgumentException as {@link #median}, and when a sample is not positive
     */
    public static Interval medianRatio(List<List<Double>> baseline, List<List<Double>> current, long seed, int resamples) {
        double[][] base = check("baseline", baseline, true);
        double[][] cur = check("current", current, true);
        Bootstrap.requireResamples(resamples);
        SplittableRandom random = new SplittableRandom(seed);
        double[] statistics = new double[resamples];
        double[] drawnBase = new double[base.length];
        double[] drawnCur = new double[cur.length];
        for (int r = 0; r < resamples; r++) {
            double b = resampledMedian(base, drawnBase, random);
            statistics[r] = resampledMedian(cur, drawnCur, random) / b;
        }
        return Bootstrap.interval(medianOfForks(cur) / medianOfForks(base), statistics);
    }

    /** The forks' medians, in fork order: the fork-to-fork spread a report shows. */
    public static double[] forkMedians(List<List<Double>> forks) {
        return mediansOf(check("forks", forks, false));
    }

    private static double resampledMedian(double[][] sorted, double[] drawn, SplittableRandom random) {
        if (sorted.length == 1) {
            return Bootstrap.resampledMedian(sorted[0], random);
        }
        for (int i = 0; i < drawn.length; i++) {
            drawn[i] = Bootstrap.resampledMedian(sorted[random.nextInt(sorted.length)], random);
        }
        Arrays.sort(drawn);
        return Bootstrap.medianOf(drawn);
    }

    /** The median of the forks' medians: the point estimate of {@link #median}. */
    public static double medianOfForks(List<List<Double>> forks) {
        return medianOfForks(check("forks", forks, false));
    }

    private static double medianOfForks(double[][] sorted) {
        double[] medians = mediansOf(sorted);
        Arrays.sort(medians);
        return Bootstrap.medianOf(medians);
    }

    /** Each fork's median, in fork order, from its sorted samples. */
    private static double[] mediansOf(double[][] sorted) {
        double[] medians = new double[sorted.length];
        for (int f = 0; f < sorted.length; f++) {
            medians[f] = Bootstrap.medianOf(sorted[f]);
        }
        return medians;
    }

    private static double[][] check(String name, List<List<Double>> forks, boolean positive) {
        if (forks.isEmpty()) {
            throw new IllegalArgumentException(name + " has no fork");
        }
        double[][] sorted = new double[forks.size()][];
        for (int f = 0; f < sorted.length; f++) {
            sorted[f] = Bootstrap.check(name + "[" + f + "]", forks.get(f), positive);
        }
        return sorted;
    }
}
