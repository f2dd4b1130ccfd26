package arena.core.testkit;

import java.time.Duration;
import java.util.List;

/**
 * Counts the live platform threads whose names start with a prefix, for no-leak tests. Virtual
 * threads do not show up here (they are not in {@link Thread#getAllStackTraces()}).
 */
public final class LiveThreads {

    private LiveThreads() {
    }

    /** The names of the live threads whose names start with {@code prefix}. */
    public static List<String> named(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith(prefix))
                .sorted()
                .toList();
    }

    /**
     * Waits up to {@code timeout} for every thread named with {@code prefix} to end, and returns the
     * names of those still alive (empty when none is).
     */
    public static List<String> awaitNone(String prefix, Duration timeout) throws InterruptedException {
        return Waits.pollUntilEmpty(() -> named(prefix), timeout, Duration.ofMillis(10));
    }
}
