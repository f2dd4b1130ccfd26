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
     * {@code ratio}, the interval of one configuration's median over another's at the level of
     * {@code together} (one of its pairs), widened to contain {@code estimate * exp(+-t sigma
     * sqrt(1/baselineForks + 1/currentForks))}, t being Student's quantile at that level; unchanged when
     * the spread is unknown. With few degrees of freedom t's tails are far heavier than the normal's
     * (two-sided 99.86% with 9: 4.6, against the normal's 3.2), so a 95% t interval scaled as if it
     * were normal would leave many pairs short when the spread happens to come out small.
     */
    public Interval guardRatio(Interval ratio, int baselineForks, int currentForks, FamilyWise together) {
        return guard(ratio, known() ? t(together) * sigma * Math.sqrt(1.0 / baselineForks + 1.0 / currentForks) : 0);
    }

    /**
     * About how many forks per configuration would make the interval of a ratio, at the level of
     * {@code together}, at most {@code threshold / 2} wide on either side, so that no change of the
     * threshold's size can be told from none (a rough guide: the spread itself is an estimate); 0 when
     * the spread is unknown.
     *
     * @throws IllegalArgumentException unless {@code 0 < threshold < 1}
     */
    public int forksToTell(double threshold, FamilyWise together) {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be between 0 and 1, got " + threshold);
        }
        if (!known()) {
            return 0;
        }
        double logHalf = Math.log1p(threshold / 2);
        double ratio = t(together) * sigma / logHalf;
        return Math.max(2, (int) Math.ceil(2 * ratio * ratio));
    }

    /** The two-sided 95% quantile of Student's t with {@code df} degrees of freedom ({@link StudentT}). */
    public static double t975(int df) {
        return StudentT.quantile(0.975, df);
    }

    /** Student's two-sided quantile at the level of one of {@code together}'s pairs, with this spread's degrees of freedom. */
    private double t(FamilyWise together) {
        return StudentT.quantile(1 - (1 - together.pairLevel()) / 2, degreesOfFreedom);
    }

    private double halfWidth(double inverseForks) {
        return known() ? t975(degreesOfFreedom) * sigma * Math.sqrt(inverseForks) : 0;
    }

    private static Interval guard(Interval interval, double logHalfWidth) {
        double low = interval.estimate() * Math.exp(-logHalfWidth), high = interval.estimate() * Math.exp(logHalfWidth);
        return new Interval(interval.estimate(), Math.min(interval.low(), low), Math.max(interval.high(), high));
    }
}
