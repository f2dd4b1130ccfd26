package arena.bench.measure;

import java.util.Arrays;

/**
 * Where one fork's warm-up ended, found by a rule rather than a count (Barrett et al., OOPSLA 2017:
 * a fixed warm-up count often misses the steady state, and some runs never reach one). The rule
 * looks at a fork's whole series, in the order its samples were taken, as a changepoint analysis
 * does: the steady segment is the longest tail of windows of {@code W} samples (aligned to the
 * series' end) whose medians all lie within {@code limit} of the last window's median, and the
 * last window itself is quiet (its median absolute deviation at most {@code limit} of its median,
 * which one GC pause does not upset). The warm-up is what comes before that segment, at least
 * {@code minWarmup}. A fork whose steady segment is shorter than two windows, or starts after
 * {@code maxWarmup} samples, never reached a steady state and is reported so, not silently timed.
 *
 * <p>A step that comes late (an OSR compilation after 20 samples) is found wherever it lies, since
 * the rule reads the series backwards from its end; the harness must therefore take the samples it
 * times after the warm-up it found, and take enough of them ({@code minWarmup + 2W} at the least).
 *
 * <p>Defaults ({@link #standard}): windows of 5 samples and a limit of 2%: the kernels' timings on
 * a quiet machine vary by well under 1% once compiled, while the steps of the first iterations
 * (interpreter, C1, C2) are 10% and more; at most 20 warm-up samples (each kernel is compiled
 * before anything is timed, so what is left to warm is the strategy's own code). Stateless; safe from any
 * thread.
 *
 * @param window    samples per window, at least 2
 * @param limit     the largest relative difference of two windows' medians, and the largest relative
 *                  spread within the last window, in (0, 1)
 * @param minWarmup the fewest samples counted as warm-up, at least 0 (the user's {@code --warmup})
 * @param maxWarmup the most, at least {@code minWarmup}
 */
public record SteadyState(int window, double limit, int minWarmup, int maxWarmup) {

    /** What the rule found in a series. */
    public enum Status {
        /** The samples from {@link Result#warmup()} on are steady. */
        STEADY,
        /** No steady segment of two windows that starts within the maximum warm-up. */
        NEVER_STEADY,
        /** Fewer than {@code minWarmup + 2W} samples: too few to tell. */
        TOO_FEW_SAMPLES
    }

    /**
     * What the rule found.
     *
     * @param status what it found
     * @param warmup the number of warm-up samples: for {@link Status#STEADY} where the steady
     *               segment starts; otherwise {@code maxWarmup}, clipped to the series' length
     */
    public record Result(Status status, int warmup) {
    }

    /** @throws IllegalArgumentException naming the parameter out of its range */
    public SteadyState {
        if (window < 2) {
            throw new IllegalArgumentException("window must be at least 2, got " + window);
        }
        if (!(limit > 0 && limit < 1)) {
            throw new IllegalArgumentException("limit must be in (0, 1), got " + limit);
        }
        if (minWarmup < 0 || maxWarmup < minWarmup) {
            throw new IllegalArgumentException("warm-up bounds must satisfy 0 <= minWarmup <= maxWarmup, got "
                    + minWarmup + " and " + maxWarmup);
        }
    }

    /** The rule with its defaults (see the class comment) and at least {@code minWarmup} warm-up samples. */
    public static SteadyState standard(int minWarmup) {
        return new SteadyState(5, 0.02, minWarmup, Math.max(minWarmup, 20));
    }

    /**
     * Finds the warm-up of {@code series} (milliseconds, finite and positive, in the order taken).
     *
     * @throws IllegalArgumentException for a sample that is not finite and positive
     */
    public Result of(double[] series) {
        for (int i = 0; i < series.length; i++) {
            if (!(series[i] > 0) || !Double.isFinite(series[i])) {
                throw new IllegalArgumentException("series[" + i + "] must be a finite positive number, got " + series[i]);
            }
        }
        int n = series.length;
        if (n < minWarmup + 2 * window) {
            return new Result(Status.TOO_FEW_SAMPLES, Math.min(maxWarmup, n));
        }
        int last = n - window;
        double reference = median(series, last, window);
        if (spread(series, last, reference) > limit) {
            return new Result(Status.NEVER_STEADY, Math.min(maxWarmup, n));
        }
        int start = last;
        for (int from = last - window; from >= 0; from -= window) {
            if (Math.abs(median(series, from, window) - reference) > limit * reference) {
                break;
            }
            start = from;
        }
        int warmup = Math.max(start, minWarmup);
        if (start > last - window || warmup > maxWarmup) {
            return new Result(Status.NEVER_STEADY, Math.min(maxWarmup, n));
        }
        return new Result(Status.STEADY, warmup);
    }

    private static double median(double[] series, int from, int length) {
        double[] w = Arrays.copyOfRange(series, from, from + length);
        Arrays.sort(w);
        return length % 2 == 1 ? w[length / 2] : (w[length / 2 - 1] + w[length / 2]) / 2;
    }

    /** The window's median absolute deviation over its median. */
    private double spread(double[] series, int from, double median) {
        double[] deviations = new double[window];
        for (int i = 0; i < window; i++) {
            deviations[i] = Math.abs(series[from + i] - median);
        }
        return median(deviations, 0, window) / median;
    }
}
