package arena.strategy.streams;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the workers of the strategy's pool, named {@code <prefix>1}, {@code <prefix>2}, ... in
 * creation order (daemons, as every {@link ForkJoinWorkerThread} of the default factory), so that the
 * strategy's threads can be told apart from the common pool's and counted after close.
 *
 * <p>Thread-safe: the pool calls {@link #newThread} from any thread.
 */
final class NamedWorkerThreads implements ForkJoinPool.ForkJoinWorkerThreadFactory {

    private final String prefix;
    private final AtomicInteger created = new AtomicInteger();

    /** A factory for workers named {@code prefix} followed by a number. */
    NamedWorkerThreads(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
        ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        thread.setName(prefix + created.incrementAndGet());
        return thread;
    }
}
