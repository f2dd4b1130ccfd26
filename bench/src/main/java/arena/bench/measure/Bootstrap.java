package arena.bench.measure;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Percentile-bootstrap 95% confidence intervals for the median of timing samples and for the ratio
 * of two medians. Each call draws its resamples from a fresh {@link SplittableRandom} seeded with
 * {@code seed}, so the same arguments always give the same interval, whatever ran before. Stateless;
 * safe to call from any thread.
 *
 * <p>The interval is the 2.5th and 97.5th percentile (linear interpolation between order statistics)
 * of the statistic over {@code resamples} resamples, each list drawn with replacement at its own
 * size. A resample's median is drawn directly, without drawing the resample: the k-th smallest of n
 * indices drawn uniformly from {@code [0, n)} is {@code floor(n U)} with U the k-th smallest of n
 * uniform numbers, a Beta(k, n-k+1) variate (two gamma variates); for an even n the next order
 * statistic is the least of the n-k uniforms above U. That is the same distribution as sorting
 * each resample, in constant time per resample: the samples are sorted once, so a list of n samples
 * costs O(n log n) plus O(resamples), not O(resamples n log n). It is widened, if need be, to contain the point estimate, so that
 * {@code low <= estimate <= high} always holds. The order of the samples does not matter: a
 * permutation of a list gives the same interval.
 */
public final class Bootstrap {

    /** The number of resamples a caller should use unless it has a reason not to. */
    public static final int DEFAULT_RESAMPLES = 2000;

    private static final double TAIL = 0.025;

    private Bootstrap() {
    }

    /**
     * A point estimate with its 95% confidence interval. Immutable.
     *
     * @param estimate the statistic on the original samples
     * @param low      the lower bound, {@code <= estimate}
     * @param high     the upper bound, {@code >= estimate}
     */
    public record Interval(double estimate, double low, double high) {

        /** @throws IllegalArgumentException unless {@code low <= estimate <= high}, all finite */
        public Interval {
            if (!Double.isFinite(low) || !Double.isFinite(estimate) || !Double.isFinite(high) || low > estimate || estimate > high) {
                throw new IllegalArgumentException("interval must satisfy low <= estimate <= high, all finite; got ["
                        + low + ", " + estimate + ", " + high + "]");
            }
        }

        /** Whether {@code value} lies within the interval, bounds included. */
        public boolean contains(double value) {
            return low <= value && value <= high;
        }
    }

    /**
     * The median of {@code samples} with its 95% interval.
     *
     * @throws IllegalArgumentException when there is no sample, a sample is not finite, or {@code resamples < 1}
     */
    public static Interval median(List<Double> samples, long seed, int resamples) {
        double[] values = check("samples", samples, false);
        requireResamples(resamples);
        SplittableRandom random = new SplittableRandom(seed);
        double[] statistics = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            statistics[r] = resampledMedian(values, random);
        }
        return interval(medianOf(values), statistics);
    }

    /**
     * The ratio {@code median(current) / median(baseline)} with its 95% interval; each list is
     * resampled independently of the other.
     *
     * @throws IllegalArgumentException when either list is empty, a sample is not finite and positive,
     *                                  or {@code resamples < 1}
     */
    public static Interval medianRatio(List<Double> baseline, List<Double> current, long seed, int resamples) {
        double[] base = check("baseline", baseline, true);
        double[] cur = check("current", current, true);
        requireResamples(resamples);
        SplittableRandom random = new SplittableRandom(seed);
        double[] statistics = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double b = resampledMedian(base, random);
            statistics[r] = resampledMedian(cur, random) / b;
        }
        return interval(medianOf(cur) / medianOf(base), statistics);
    }

    static Interval interval(double estimate, double[] statistics) {
        Arrays.sort(statistics);
        double low = percentile(statistics, TAIL);
        double high = percentile(statistics, 1 - TAIL);
        return new Interval(estimate, Math.min(low, estimate), Math.max(high, estimate));
    }

    /** The median of a resample of the {@code sorted} values, drawn through its order statistics (see the class comment). */
    static double resampledMedian(double[] sorted, SplittableRandom random) {
        int n = sorted.length;
        int k = (n + 1) / 2;
        double u = orderStatistic(k, n, random);
        if (n % 2 == 1) {
            return sorted[index(u, n)];
        }
        double next = u + (1 - u) * (1 - Math.pow(random.nextDouble(), 1.0 / (n - k)));
        return (sorted[index(u, n)] + sorted[index(next, n)]) / 2;
    }

    private static int index(double uniform, int n) {
        return Math.min(n - 1, (int) (uniform * n));
    }

    /** The k-th smallest of n independent uniform numbers on (0, 1): a Beta(k, n-k+1) variate. */
    private static double orderStatistic(int k, int n, SplittableRandom random) {
        double a = gamma(k, random);
        double b = gamma(n - k + 1, random);
        return a / (a + b);
    }

    /** A Gamma(shape, 1) variate for {@code shape >= 1} (Marsaglia and Tsang, 2000). */
    private static double gamma(double shape, SplittableRandom random) {
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = random.nextGaussian();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    /** The median as {@link Stats} defines it, of values already sorted. */
    static double medianOf(double[] values) {
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static double percentile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** The samples as a sorted array, so that an interval depends on the samples' values, not their order. */
    static double[] check(String name, List<Double> samples, boolean positive) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException(name + " has no sample");
        }
        double[] values = new double[samples.size()];
        for (int i = 0; i < values.length; i++) {
            Double value = samples.get(i);
            if (value == null || !Double.isFinite(value) || (positive && value <= 0)) {
                throw new IllegalArgumentException(name + "[" + i + "] must be a finite" + (positive ? " positive" : "")
                        + " number, got " + value);
            }
            values[i] = value;
        }
        Arrays.sort(values);
        return values;
    }

    static void requireResamples(int resamples) {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be at least 1, got " + resamples);
        }
    }
}
