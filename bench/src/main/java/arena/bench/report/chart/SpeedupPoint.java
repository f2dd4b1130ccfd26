package arena.bench.report.chart;

import java.util.Objects;

/**
 * One point of a speed-up curve drawn by {@link Charts#writeSpeedup}: how many times faster than the
 * sequential run a series ran with {@code threads} threads.
 *
 * <p>Immutable, so safe to share between threads.
 *
 * @param series the curve the point belongs to: a strategy name, possibly with kernel and schedule; not blank
 * @param threads the thread count, at least 1
 * @param speedup sequential time divided by this configuration's time; finite and positive
 */
public record SpeedupPoint(String series, int threads, double speedup) {

    /** @throws IllegalArgumentException when the series is blank, threads &lt; 1 or the speed-up is not finite, > 0 */
    public SpeedupPoint {
        Objects.requireNonNull(series, "series");
        if (series.isBlank()) {
            throw new IllegalArgumentException("series must not be blank");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads + " for '" + series + "'");
        }
        if (!Double.isFinite(speedup) || speedup <= 0) {
            throw new IllegalArgumentException("speedup must be finite and > 0, got " + speedup
                    + " for '" + series + "'");
        }
    }
}
