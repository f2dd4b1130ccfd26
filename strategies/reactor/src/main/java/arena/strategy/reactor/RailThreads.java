package arena.strategy.reactor;

import arena.core.concurrent.TrackedThreads;
import reactor.core.scheduler.NonBlocking;

/**
 * The threads of the strategy's parallel scheduler: tracked daemons ({@link TrackedThreads}) marked
 * {@link NonBlocking}, as the threads of Reactor's own parallel scheduler are, so that Reactor refuses
 * a {@code block()} on them and no operator of the pipeline can block a rail. Stateless.
 */
final class RailThreads {

    private RailThreads() {
    }

    /** A factory for the scheduler's threads, named {@code prefix-N}. */
    static TrackedThreads named(String prefix) {
        return new TrackedThreads(prefix, RailThread::new);
    }

    /** A daemon scheduler thread that Reactor treats as non-blocking. */
    private static final class RailThread extends Thread implements NonBlocking {
        RailThread(Runnable task, String name) {
            super(task, name);
            setDaemon(true);
        }
    }
}
