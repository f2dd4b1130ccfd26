package arena.bench.cli;

import arena.bench.measure.InterruptShield;
import arena.core.input.InvalidInputException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Enforces {@code --timeout}: when the time is up it interrupts the command's thread, which every
 * strategy answers by cancelling its run, waiting for its workers and throwing
 * {@link java.util.concurrent.CancellationException}; the command line then exits 4. The timer is a
 * daemon thread named {@code arena-watchdog}, ended by {@link #close()}. Created and closed by the
 * command's thread.
 *
 * <p>The interrupt waits while a strategy is being opened or closed ({@link InterruptShield}), so it
 * lands in a run, which knows how to cancel itself, and never half-way through a start-up.
 */
public final class Watchdog implements AutoCloseable {

    private static final Pattern SIMPLE = Pattern.compile("(" + arena.core.input.NumberText.UNSIGNED_REAL + ")(ms|s|m|h)?");
    /** ISO-8601 durations, their numbers by the same ASCII rule (no sign, no comma). */
    private static final Pattern ISO = Pattern.compile("P(?:[0-9]+D)?(?:T(?:[0-9]+H)?(?:[0-9]+M)?(?:[0-9]+(?:\\.[0-9]+)?S)?)?");

    private final Duration limit;
    private final AtomicBoolean fired = new AtomicBoolean();
    private final Thread timer;

    private Watchdog(Duration limit, Thread guarded) {
        this.limit = limit;
        this.timer = Thread.ofPlatform().daemon().name("arena-watchdog").unstarted(() -> {
            try {
                Thread.sleep(limit);
                InterruptShield.interruptWhenUnshielded(guarded, () -> fired.set(true));
            } catch (InterruptedException closed) {
                // closed before the time was up
            }
        });
    }

    /** Guards the calling thread for {@code timeout} (null: no limit, nothing started). */
    static Watchdog start(Duration timeout) {
        Watchdog watchdog = new Watchdog(timeout, Thread.currentThread());
        if (timeout != null) {
            watchdog.timer.start();
        }
        return watchdog;
    }

    /** Whether the time ran out. */
    boolean fired() {
        return fired.get();
    }

    /** The limit, for messages. */
    Duration limit() {
        return limit;
    }

    /** Stops the timer and clears an interrupt it may have left on the calling thread. */
    @Override
    public void close() {
        timer.interrupt();
        try {
            if (timer.isAlive()) {
                timer.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (fired()) {
            Thread.interrupted();
        }
    }

    /**
     * Parses {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, a plain number of seconds, or an
     * ISO-8601 duration ({@code PT30S}); null stays null.
     *
     * @throws InvalidInputException naming {@code timeout}
     */
    static Duration parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.toLowerCase(Locale.ROOT);
        Duration duration;
        Matcher m = SIMPLE.matcher(s);
        try {
            if (m.matches()) {
                double amount = Double.parseDouble(m.group(1));
                String unit = m.group(2) == null ? "s" : m.group(2);
                double millis = switch (unit) {
                    case "ms" -> amount;
                    case "m" -> amount * 60_000;
                    case "h" -> amount * 3_600_000;
                    default -> amount * 1000;
                };
                duration = Duration.ofMillis(Math.round(millis));
            } else {
                String iso = text.toUpperCase(Locale.ROOT);
                if (!ISO.matcher(iso).matches()) {
                    throw new DateTimeParseException("not a duration", text, 0);
                }
                duration = Duration.parse(iso);
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new InvalidInputException("timeout", "timeout '" + text + "' is not a duration; write e.g. 500ms, 30s, 2m, 1h or PT30S");
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofDays(7)) > 0) {
            throw new InvalidInputException("timeout", "timeout must be more than 0 and at most 7 days, got '" + text + "'");
        }
        return duration;
    }
}
