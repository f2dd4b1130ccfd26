package arena.bench.measure;

/**
 * Student's t distribution with a whole number of degrees of freedom: the quantiles that turn an
 * estimated spread into an interval. The distribution function is the exact finite series for whole
 * degrees of freedom (Abramowitz and Stegun 26.7.3 and 26.7.4), and a quantile is found by bisection
 * on it, so that far tails (a 99.9% interval from two forks) are as right as the 95% ones; a table
 * and an expansion in 1/df are not. Stateless; safe to call from any thread.
 */
public final class StudentT {

    private StudentT() {
    }

    /**
     * The quantile of Student's t with {@code df} degrees of freedom at {@code p}, for
     * {@code 0.5 <= p < 1} (the upper end of a two-sided interval at level {@code 2p - 1}).
     *
     * @throws IllegalArgumentException when {@code df} is less than 1 or {@code p} lies outside [0.5, 1)
     */
    public static double quantile(double p, int df) {
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom must be at least 1, got " + df);
        }
        if (!(p >= 0.5 && p < 1)) {
            throw new IllegalArgumentException("p must lie in [0.5, 1), got " + p);
        }
        double within = 2 * p - 1;
        if (within == 0) {
            return 0;
        }
        double low = 0, high = 1;
        while (probabilityWithin(high, df) < within) {
            low = high;
            high *= 2;
        }
        for (int i = 0; i < 200 && high - low > 1e-12 * high; i++) {
            double middle = (low + high) / 2;
            if (probabilityWithin(middle, df) < within) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return (low + high) / 2;
    }

    /** P(|T| <= t) for {@code t >= 0}: the finite series in theta = atan(t / sqrt(df)). */
    static double probabilityWithin(double t, int df) {
        double theta = Math.atan(t / Math.sqrt(df));
        double cos2 = Math.cos(theta) * Math.cos(theta);
        double sum = 1, term = 1;
        if (df % 2 == 0) {
            for (int k = 1; k <= (df - 2) / 2; k++) {
                term *= cos2 * (2 * k - 1) / (2 * k);
                sum += term;
            }
            return Math.sin(theta) * sum;
        }
        if (df == 1) {
            return 2 * theta / Math.PI;
        }
        for (int k = 1; k <= (df - 3) / 2; k++) {
            term *= cos2 * (2 * k) / (2 * k + 1);
            sum += term;
        }
        return 2 / Math.PI * (theta + Math.sin(theta) * Math.cos(theta) * sum);
    }
}
