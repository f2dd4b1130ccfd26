package arena.bench.measure;

import arena.bench.measure.Bootstrap.Interval;

/**
 * Intervals that hold together for many pairs at once. A diff judges one interval per configuration;
 * at 95% each, a build diffed against itself marks about one pair in twenty by chance (of 25 pairs
 * with exact intervals, 72% of such diffs would mark at least one, and a gate would fail on it).
 * Bonferroni's correction takes each of the {@code pairs} intervals at 1 - 0.05 / {@code pairs}
 * instead, so that all of them hold together with at least 95%. A 95% interval is brought to that
 * level in log space around its estimate, by z(1 - 0.025 / pairs) / z(0.975), as if the log ratio
 * were normal: 1.58 for 25 pairs, 1.74 for 77. A Student-t interval from an estimated spread is
 * taken at {@link #pairLevel()} with Student's own quantile instead ({@link ForkSpread#guardRatio}):
 * with few degrees of freedom its tails are heavier than this scaling assumes. Immutable.
 *
 * @param pairs how many intervals are judged together, at least 1
 */
public record FamilyWise(int pairs) {

    private static final double Z975 = 1.959963984540054;

    /** @throws IllegalArgumentException when {@code pairs} is less than 1 */
    public FamilyWise {
        if (pairs < 1) {
            throw new IllegalArgumentException("pairs must be at least 1, got " + pairs);
        }
    }

    /** The level each interval is taken at, {@code 1 - 0.05 / pairs}. */
    public double pairLevel() {
        return 1 - 0.05 / pairs;
    }

    /** How much farther from the estimate each end of a 95% interval goes, in log space: 1 for one pair. */
    public double scale() {
        return pairs == 1 ? 1 : normalQuantile(1 - 0.025 / pairs) / Z975;
    }

    /** {@code ninetyFive}, a 95% interval of a ratio, at {@link #pairLevel()}: each end's log distance from the estimate times {@link #scale()}. */
    public Interval widen(Interval ninetyFive) {
        double k = scale(), estimate = ninetyFive.estimate();
        return new Interval(estimate, estimate * Math.pow(ninetyFive.low() / estimate, k), estimate * Math.pow(ninetyFive.high() / estimate, k));
    }

    /**
     * The standard normal distribution's quantile at {@code p}, by Acklam's rational approximation
     * (relative error under 1.2e-9).
     *
     * @throws IllegalArgumentException unless {@code 0 < p < 1}
     */
    static double normalQuantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p must lie strictly between 0 and 1, got " + p);
        }
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
            -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
            -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
            4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double low = 0.02425;
        if (p < low || p > 1 - low) {
            double q = Math.sqrt(-2 * Math.log(p < low ? p : 1 - p));
            double x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
            return p < low ? x : -x;
        }
        double q = p - 0.5, r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
}
