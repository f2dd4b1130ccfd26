package arena.bench;

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
 * size. It is widened, if need be, to contain the point estimate, so that
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
        double[] buffer = new double[values.length];
        double[] statistics = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            statistics[r] = resampledMedian(values, buffer, random);
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
        double[] baseBuffer = new double[base.length];
        double[] curBuffer = new double[cur.length];
        double[] statistics = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double b = resampledMedian(base, baseBuffer, random);
            statistics[r] = resampledMedian(cur, curBuffer, random) / b;
        }
        return interval(medianOf(cur) / medianOf(base), statistics);
    }

    private static Interval interval(double estimate, double[] statistics) {
        Arrays.sort(statistics);
        double low = percentile(statistics, TAIL);
        double high = percentile(statistics, 1 - TAIL);
        return new Interval(estimate, Math.min(low, estimate), Math.max(high, estimate));
    }

    private static double resampledMedian(double[] values, double[] buffer, SplittableRandom random) {
        for (int i = 0; i < buffer.length; i++) {
            buffer[i] = values[random.nextInt(values.length)];
        }
        return medianOf(buffer);
    }

    /** The median as {@link Stats} defines it; sorts {@code values} in place. */
    private static double medianOf(double[] values) {
        Arrays.sort(values);
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
    private static double[] check(String name, List<Double> samples, boolean positive) {
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

    private static void requireResamples(int resamples) {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be at least 1, got " + resamples);
        }
    }
}
