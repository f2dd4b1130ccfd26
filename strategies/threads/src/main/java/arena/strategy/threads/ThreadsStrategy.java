package arena.strategy.threads;

import arena.core.AbstractStrategy;
import arena.core.BlockCounts;
import arena.core.ChunkPlan;
import arena.core.ChunkQueue;
import arena.core.CountGrid;
import arena.core.GridJob;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.StrategyProvider;
import arena.core.concurrent.FirstFailure;
import java.util.function.IntConsumer;

/**
 * Raw platform threads: every {@link #compute} starts its own {@code Thread} objects, named
 * {@code arena-threads-worker-N}, and joins them before it returns; nothing is pooled. A static
 * schedule is assigned up front (worker {@code w} computes the chunks it owns in the plan); a dynamic
 * or guided schedule is handed out through the plan's shared {@link ChunkQueue}, one atomic increment
 * per chunk, to whichever worker is free. No more workers are started than the plan has chunks.
 *
 * <p>The fraction's count is the same fork and join: one thread per contiguous row block (named
 * {@code arena-threads-counter-N}) counts its block into its own slot of a partial-count array, and
 * the caller sums the slots in block order after joining.
 *
 * <p>Threading: one caller at a time, as {@link Strategy}. The joins make every worker's writes
 * visible to the caller. No thread outlives a call, also after a failure: the first failure stops the
 * other workers after their current chunk, and the call joins them all before it throws. If the
 * caller is interrupted while it waits, the job is cancelled, every worker is still joined, the call
 * throws {@link java.util.concurrent.CancellationException} and the interrupt status is kept. Since
 * threads live only within a call, {@link #close()} has nothing to release.
 */
public final class ThreadsStrategy extends AbstractStrategy {

    /** The name prefix of the threads that compute the grid; the worker index follows. */
    static final String WORKER_PREFIX = "arena-threads-worker-";

    /** The name prefix of the threads that count for the fraction; the block index follows. */
    static final String COUNTER_PREFIX = "arena-threads-counter-";

    /** Opens the strategy with {@code config.threads()} workers per call. */
    public ThreadsStrategy(StrategyConfig config) {
        this(new ThreadsProvider(), config);
    }

    /** Opens the strategy of {@code provider}; see {@link ThreadsProvider}. */
    ThreadsStrategy(StrategyProvider provider, StrategyConfig config) {
        super(provider, config);
    }

    @Override
    protected void run(GridJob job) {
        ChunkPlan plan = job.plan();
        IntConsumer worker;
        if (plan.preassigned()) {
            worker = job::computeOwnedChunks;
        } else {
            ChunkQueue queue = plan.queue();
            worker = w -> job.computeQueuedChunks(queue);
        }
        int workers = Math.min(plan.workers(), plan.size());
        PlatformWorkers.forkJoin(WORKER_PREFIX, workers, worker, job::fail,
                () -> job.cancel("the caller was interrupted while the workers ran"));
    }

    @Override
    protected long countEqual(CountGrid grid, int maxval) {
        BlockCounts blocks = blockCounts(grid, maxval);
        FirstFailure failure = new FirstFailure();
        PlatformWorkers.forkJoin(COUNTER_PREFIX, blocks.size(), blocks::count, failure::fail, () -> { });
        failure.throwIfFailed();
        return blocks.sum();
    }

    /** Releases nothing: every thread of the strategy ends before its call returns. Idempotent. */
    @Override
    public void close() {
        // nothing outlives a call
    }
}
