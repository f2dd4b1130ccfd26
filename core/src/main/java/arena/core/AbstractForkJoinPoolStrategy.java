package arena.core;

import arena.core.concurrent.Pools;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/**
 * The part the strategies share that run in a {@link ForkJoinPool} of their own (forkjoin, streams):
 * the pool, from {@link Pools#forkJoin}, of exactly {@link #threads()} workers named
 * {@code arena-<name>-N} that never adds spare threads (not even while a worker waits in a join),
 * created when the strategy is opened, never the common pool, and shut down by {@link #close()}.
 *
 * <p>Threading: as {@link Strategy}; the caller's thread only submits to the pool and waits.
 */
public abstract class AbstractForkJoinPoolStrategy extends AbstractStrategy {

    /** The strategy's pool; every task runs on its workers. */
    protected final ForkJoinPool pool;

    /** Opens the strategy: a pool of {@code config.threads()} workers. */
    protected AbstractForkJoinPoolStrategy(StrategyProvider provider, StrategyConfig config) {
        super(provider, config);
        this.pool = Pools.forkJoin("arena-" + provider.name() + "-", config.threads());
    }

    /** The pool's target parallelism; equals {@link #threads()}. */
    public final int parallelism() {
        return pool.getParallelism();
    }

    /**
     * Shuts the pool down and waits for its threads to finish; idempotent.
     *
     * @throws IllegalStateException when the pool is still running a task after the timeout, which
     *                               only a caller breaking the one-caller-at-a-time rule can cause
     */
    @Override
    public final void close() {
        Pools.shutdownAndAwait(pool, name());
    }

    /**
     * Waits up to {@link Pools#CLOSE_TIMEOUT_SECONDS} until no worker of the pool runs a task: after
     * the pool's root future completed abnormally while subtasks may still run.
     */
    protected final void awaitQuiescence() {
        pool.awaitQuiescence(Pools.CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
