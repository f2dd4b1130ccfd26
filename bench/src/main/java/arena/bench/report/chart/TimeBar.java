package arena.bench.report.chart;

import java.util.Objects;

/**
 * One configuration's timing, as drawn by {@link Charts#writeMedianTimes}: a bar to the median and
 * a whisker over {@code [minMs, maxMs]}.
 *
 * <p>Values are finite, non-negative milliseconds with {@code minMs <= medianMs <= maxMs}. Immutable,
 * so safe to share between threads.
 *
 * @param label the configuration, e.g. {@code "forkjoin/scalar/2t/dynamic:1"}; not blank
 * @param medianMs the median time
 * @param minMs the fastest time
 * @param maxMs the slowest time
 */
public record TimeBar(String label, double medianMs, double minMs, double maxMs) {

    /** @throws IllegalArgumentException when a value is NaN, infinite, negative or out of order, or the label blank */
    public TimeBar {
        Objects.requireNonNull(label, "label");
        if (label.isBlank()) {
            throw new IllegalArgumentException("label must not be blank");
        }
        requireTime("medianMs", medianMs);
        requireTime("minMs", minMs);
        requireTime("maxMs", maxMs);
        if (minMs > medianMs || medianMs > maxMs) {
            throw new IllegalArgumentException("need minMs <= medianMs <= maxMs for '" + label + "', got "
                    + minMs + ", " + medianMs + ", " + maxMs);
        }
    }

    private static void requireTime(String name, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
        }
    }
}
