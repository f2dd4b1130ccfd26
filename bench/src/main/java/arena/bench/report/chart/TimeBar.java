package arena.bench.report.chart;

import java.util.Objects;

/**
 * One configuration's timing, as drawn by {@link Charts#writeMedianTimes}: a bar to the median and
 * a whisker over {@code [lowMs, highMs]}, the median's 95% interval.
 *
 * <p>Values are finite, non-negative milliseconds with {@code lowMs <= medianMs <= highMs}. Immutable,
 * so safe to share between threads.
 *
 * @param label the configuration, e.g. {@code "forkjoin/scalar/2t/dynamic:1"}; not blank
 * @param medianMs the median time
 * @param lowMs the interval's lower bound
 * @param highMs the interval's upper bound
 */
public record TimeBar(String label, double medianMs, double lowMs, double highMs) {

    /** @throws IllegalArgumentException when a value is NaN, infinite, negative or out of order, or the label blank */
    public TimeBar {
        Objects.requireNonNull(label, "label");
        if (label.isBlank()) {
            throw new IllegalArgumentException("label must not be blank");
        }
        requireTime("medianMs", medianMs);
        requireTime("lowMs", lowMs);
        requireTime("highMs", highMs);
        if (lowMs > medianMs || medianMs > highMs) {
            throw new IllegalArgumentException("need lowMs <= medianMs <= highMs for '" + label + "', got "
                    + lowMs + ", " + medianMs + ", " + highMs);
        }
    }

    private static void requireTime(String name, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
        }
    }
}
