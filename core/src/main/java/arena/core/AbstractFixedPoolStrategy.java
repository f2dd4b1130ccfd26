package arena.core;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The part the strategies share that own a fixed pool of platform threads and hand it their tasks
 * (executor, completable): the pool, from {@link Executors#newFixedThreadPool(int,
 * java.util.concurrent.ThreadFactory)}, of exactly {@link #threads()} daemon threads named
 * {@code arena-<name>-N}, created when the strategy is opened (its threads start with the first
 * task) and shut down by {@link #close()}. Its work queue is a FIFO
 * {@link java.util.concurrent.LinkedBlockingQueue}, so tasks submitted in plan order reach the first
 * free thread in that order.
 *
 * <p>Threading: as {@link Strategy}; the subclass submits from the caller's thread and waits there.
 */
public abstract class AbstractFixedPoolStrategy extends AbstractStrategy {

    /** The strategy's pool; tasks run only on its threads. */
    protected final ExecutorService pool;

    /** Opens the strategy: a fixed pool of {@code config.threads()} threads, none started yet. */
    protected AbstractFixedPoolStrategy(StrategyProvider provider, StrategyConfig config) {
        super(provider, config);
        this.pool = Executors.newFixedThreadPool(config.threads(),
                Thread.ofPlatform().name("arena-" + provider.name() + "-", 1).daemon(true).factory());
    }

    /**
     * Shuts the pool down and waits for its threads to end ({@link ExecutorService#close()}: shutdown,
     * then awaitTermination until terminated; an interrupt meanwhile turns into shutdownNow and the
     * interrupt status is kept). Idempotent.
     */
    @Override
    public final void close() {
        pool.close();
    }

    /** Whether the pool has shut down and every one of its threads has ended. */
    public final boolean isTerminated() {
        return pool.isTerminated();
    }
}
