package arena.bench.cli;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;

/**
 * Remembers which signal (SIGINT, SIGTERM or SIGHUP) asked the JVM to stop, so that the one line on
 * stderr can say "interrupted" or "terminated". The exit status stays the JVM's own for a signal:
 * 128 plus its number (130, 143, 129), after the shutdown hooks ran.
 *
 * <p>{@link #watch()} is called once, by {@code ArenaCli.main} before the command runs. Each handler
 * records its signal and then exits as the JVM's own handler would; a signal that was ignored when
 * the JVM started (a background job's SIGINT) stays ignored, and with {@code -Xrs} the JVM keeps its
 * handlers. It uses {@code sun.misc.Signal}, the critical internal API that JEP 260 keeps accessible
 * (module {@code jdk.unsupported}) because no standard API tells a shutdown hook why it runs. The
 * handlers run on threads of the JVM's signal dispatcher; {@link #received()} may be read from any
 * thread.
 */
public final class ReceivedSignal {

    private static final AtomicReference<String> RECEIVED = new AtomicReference<>();

    private ReceivedSignal() {
    }

    /** Installs the recording handlers for SIGINT, SIGTERM and SIGHUP. */
    static void watch() {
        for (String name : new String[] {"INT", "TERM", "HUP"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    RECEIVED.compareAndSet(null, "SIG" + signal.getName());
                    Runtime.getRuntime().exit(128 + signal.getNumber());
                });
            } catch (IllegalArgumentException reservedByTheJvm) {
                // -Xrs or a platform without it: the JVM's default handling stays.
            }
        }
    }

    /**
     * The first stop signal received ("SIGINT", "SIGTERM", "SIGHUP"), if any; set before the JVM's
     * shutdown begins, so a command that ends because of it (a shutdown hook of its own closed what
     * it waited for) already sees it.
     */
    static Optional<String> received() {
        return Optional.ofNullable(RECEIVED.get());
    }

    /** How a cancelled run was stopped: "interrupted" for Ctrl-C or no signal, else "terminated (SIGTERM)" and so on. */
    static String how() {
        return received().filter(name -> !name.equals("SIGINT")).map(name -> "terminated (" + name + ")").orElse("interrupted");
    }
}
