package arena.bench.measure;

import arena.bench.measure.Bootstrap.Interval;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The JVM-to-JVM spread of a set of configurations, pooled over all of them, and the intervals it
 * guards. A percentile bootstrap over one configuration's own forks cannot see a JVM that would land
 * outside them when there are few: with two forks a resample holds one of only three fork
 * combinations, so the interval spans little more than the two fork medians, and a third JVM often
 * lands outside it (on a noisy machine, two runs of one build then differ "significantly"). The
 * spread of a fork's median around its configuration's is a property of the machine and the JVM far
 * more than of the configuration, so this estimates it once from every configuration's forks, with as
 * many degrees of freedom as they give together (25 configurations of 2 forks: 25), and widens each
 * bootstrap interval to at least the Student-t interval that spread implies for the forks at hand.
 *
 * <p>The spread is the pooled standard deviation of the natural logarithm of the fork medians around
 * their configuration's mean: {@code sqrt(sum over configurations of sum (ln m_f - mean)^2 / sum (n - 1))}
 * for every configuration with at least two forks; a configuration with one fork (measured in-process,
 * or a file from before forks) adds nothing to it, but its intervals are widened as one fork's.
 * Immutable; safe to share between threads.
 *
 * @param sigma            the pooled standard deviation of ln(fork median); 0 when unknown
 * @param degreesOfFreedom how many forks beyond the first of each configuration it comes from; 0 when unknown
 */
public record ForkSpread(double sigma, int degreesOfFreedom) {

    /** Nothing known: intervals are left as they are. */
    public static final ForkSpread UNKNOWN = new ForkSpread(0, 0);

    /** Two-sided 95% quantiles of Student's t for 1 to 30 degrees of freedom. */
    private static final double[] T975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179,
        2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
    private static final double Z975 = 1.959963984540054;

    /** @throws IllegalArgumentException when {@code sigma} is negative or not finite, or the degrees of freedom are negative */
    public ForkSpread {
        if (!(sigma >= 0 && Double.isFinite(sigma)) || degreesOfFreedom < 0) {
            throw new IllegalArgumentException("spread must be finite and not negative, degrees of freedom not negative; got "
                    + sigma + ", " + degreesOfFreedom);
        }
    }

    /**
     * The spread pooled over {@code configurations}, each given as the samples of its forks
     * ({@link ForkSamples#split}); {@link #UNKNOWN} when none has two forks. A configuration with a
     * fork without samples, or with a median that is not a positive number, adds nothing.
     */
    public static ForkSpread pooled(Collection<List<List<Double>>> configurations) {
        double sumOfSquares = 0;
        int degrees = 0;
        for (List<List<Double>> forks : configurations) {
            if (forks.size() < 2 || forks.stream().anyMatch(List::isEmpty)) {
                continue;
            }
            double[] medians = HierarchicalBootstrap.forkMedians(forks);
            if (java.util.Arrays.stream(medians).anyMatch(m -> !(m > 0 && Double.isFinite(m)))) {
                continue;
            }
            double[] logs = new double[forks.size()];
            double mean = 0;
            for (int f = 0; f < logs.length; f++) {
                logs[f] = Math.log(medians[f]);
                mean += logs[f] / logs.length;
            }
            for (double log : logs) {
                sumOfSquares += (log - mean) * (log - mean);
            }
            degrees += logs.length - 1;
        }
        return degrees == 0 ? UNKNOWN : new ForkSpread(Math.sqrt(sumOfSquares / degrees), degrees);
    }

    /**
     * The spread of each kernel, pooled over the {@code configurations} of that kernel (how much a
     * machine moves a kernel is the kernel's as much as the machine's: a throughput-bound SIMD kernel
     * far more than a latency-bound scalar one), in the order the kernels first appear.
     *
     * @param kernel the name of a configuration's kernel
     * @param forks  a configuration's samples by fork ({@link ForkSamples#split})
     */
    public static <T> Map<String, ForkSpread> perKernel(Collection<T> configurations, Function<T, String> kernel,
                                                        Function<T, List<List<Double>>> forks) {
        Map<String, List<List<List<Double>>>> byKernel = new LinkedHashMap<>();
        configurations.forEach(c -> byKernel.computeIfAbsent(kernel.apply(c), k -> new ArrayList<>()).add(forks.apply(c)));
        Map<String, ForkSpread> spreads = new LinkedHashMap<>();
        byKernel.forEach((name, forksOfKernel) -> spreads.put(name, pooled(forksOfKernel)));
        return spreads;
    }

    /** Whether the spread was estimated (from at least one configuration with two forks). */
    public boolean known() {
        return degreesOfFreedom > 0;
    }

    /**
     * {@code median}, a configuration's interval from {@code forks} forks, widened to contain the
     * Student-t interval {@code estimate * exp(+-t sigma / sqrt(forks))}; unchanged when the spread is unknown.
     */
    public Interval guardMedian(Interval median, int forks) {
        return guard(median, halfWidth(1.0 / forks));
    }

    /**
     * {@code ratio}, the interval of one configuration's median over another's, widened to contain
     * {@code estimate * exp(+-t sigma sqrt(1/baselineForks + 1/currentForks))}; unchanged when the spread is unknown.
     */
    public Interval guardRatio(Interval ratio, int baselineForks, int currentForks) {
        return guard(ratio, halfWidth(1.0 / baselineForks + 1.0 / currentForks));
    }

    /**
     * About how many forks per configuration would make the interval of a ratio at most
     * {@code threshold / 2} wide on either side, so that no change of the threshold's size can be told
     * from none (a rough guide: the spread itself is an estimate); 0 when the spread is unknown.
     *
     * @throws IllegalArgumentException unless {@code 0 < threshold < 1}
     */
    public int forksToTell(double threshold) {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be between 0 and 1, got " + threshold);
        }
        if (!known()) {
            return 0;
        }
        double logHalf = Math.log1p(threshold / 2);
        double ratio = t975(degreesOfFreedom) * sigma / logHalf;
        return Math.max(2, (int) Math.ceil(2 * ratio * ratio));
    }

    /** The two-sided 95% quantile of Student's t with {@code df} degrees of freedom (a table to 30, a Cornish-Fisher expansion beyond). */
    public static double t975(int df) {
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom must be at least 1, got " + df);
        }
        if (df <= T975.length) {
            return T975[df - 1];
        }
        double z = Z975, z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z, z9 = z7 * z * z, v = df;
        return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
                + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v)
                + (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * v * v * v * v);
    }

    private double halfWidth(double inverseForks) {
        return known() ? t975(degreesOfFreedom) * sigma * Math.sqrt(inverseForks) : 0;
    }

    private static Interval guard(Interval interval, double logHalfWidth) {
        double low = interval.estimate() * Math.exp(-logHalfWidth), high = interval.estimate() * Math.exp(logHalfWidth);
        return new Interval(interval.estimate(), Math.min(interval.low(), low), Math.max(interval.high(), high));
    }
}
