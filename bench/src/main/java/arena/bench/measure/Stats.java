package arena.bench.measure;

import java.util.Arrays;
import java.util.List;

/**
 * Summary statistics of a configuration's measured samples (milliseconds). Immutable.
 *
 * @param median the median (mean of the two middle samples for an even count)
 * @param min    the fastest sample
 * @param max    the slowest sample
 * @param mean   the arithmetic mean
 * @param cv     the coefficient of variation, sample standard deviation / mean (0 for one sample)
 */
public record Stats(double median, double min, double max, double mean, double cv) {

    /**
     * Summarises {@code samples}.
     *
     * @throws IllegalArgumentException when there is no sample
     */
    public static Stats of(List<Double> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no sample to summarise");
        }
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        double mean = Arrays.stream(sorted).average().orElseThrow();
        double variance = 0;
        for (double s : sorted) {
            variance += (s - mean) * (s - mean);
        }
        double sd = n > 1 ? Math.sqrt(variance / (n - 1)) : 0;
        return new Stats(median, sorted[0], sorted[n - 1], mean, mean > 0 ? sd / mean : 0);
    }

    /** The same statistics with another median (the median of forks' medians for forked samples). */
    public Stats withMedian(double otherMedian) {
        return new Stats(otherMedian, min, max, mean, cv);
    }
}
