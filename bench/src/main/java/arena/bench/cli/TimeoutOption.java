package arena.bench.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import picocli.CommandLine.Option;

/**
 * The {@code --timeout DURATION} option of the long-running commands, and the guard that applies it:
 * a run still going when the time is up is cancelled in its strategy and reported as timed out
 * (exit 4). Filled in by picocli; used by the command's thread.
 */
public final class TimeoutOption {

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "cancel the run after this long and exit 4, e.g. 500ms, 30s, 2m, PT1H (default: no limit)")
    String timeout;

    /** Runs {@code body} under the time limit. */
    <T> T guard(Callable<T> body) throws Exception {
        Watchdog watchdog = Watchdog.start(Watchdog.parse(timeout));
        try {
            return body.call();
        } catch (CancellationException e) {
            throw watchdog.fired() ? new TimedOutException(watchdog.limit()) : e;
        } finally {
            watchdog.close();
        }
    }

    /** A run cancelled because its time was up. */
    static final class TimedOutException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TimedOutException(Duration limit) {
            super("timed out after " + limit.toString().substring(2).toLowerCase(java.util.Locale.ROOT)
                    + " (--timeout); the run was cancelled and every worker stopped");
        }
    }
}
