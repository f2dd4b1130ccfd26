package arena.strategy.akkacluster;

import akka.actor.ActorSystem;
import akka.event.EventStream;
import akka.event.slf4j.Slf4jLoggingFilter;

/**
 * Akka's SLF4J logging filter, less the warnings and errors of Akka's TCP listener
 * ({@code akka.io.TcpListener}, which binds a node's Artery port). A port in use or an address this
 * machine lacks fails the actor system's start, and the node reports that as one line naming the
 * option ({@code --port}, {@code --host}); the listener's own log of it, a stack trace, would only
 * repeat it. The listener logs through a plain (marker-less) adapter, so the marker variants of these
 * checks are never asked about it. Every other logger is filtered exactly as by
 * {@link Slf4jLoggingFilter}. Set as {@code akka.logging-filter} by {@link ClusterSettings}; it
 * replaces a per-logger line that bench's {@code simplelogger.properties} needed before.
 *
 * <p>Akka creates one instance per actor system, by reflection, and calls it from any thread; it
 * holds no state of its own.
 */
public final class QuietTcpListenerFilter extends Slf4jLoggingFilter {

    /** The logger Akka's TCP listener logs through: the class's name. */
    static final String TCP_LISTENER = "akka.io.TcpListener";

    /** Called by Akka when the actor system starts. */
    public QuietTcpListenerFilter(ActorSystem.Settings settings, EventStream eventStream) {
        super(settings, eventStream);
    }

    @Override
    public boolean isErrorEnabled(Class<?> logClass, String logSource) {
        return !fromTcpListener(logClass) && super.isErrorEnabled(logClass, logSource);
    }

    @Override
    public boolean isWarningEnabled(Class<?> logClass, String logSource) {
        return !fromTcpListener(logClass) && super.isWarningEnabled(logClass, logSource);
    }

    private static boolean fromTcpListener(Class<?> logClass) {
        return logClass.getName().equals(TCP_LISTENER);
    }
}
