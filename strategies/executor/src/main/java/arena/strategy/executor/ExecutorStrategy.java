package arena.strategy.executor;

import arena.core.AbstractFixedPoolStrategy;
import arena.core.BlockCounts;
import arena.core.CountGrid;
import arena.core.GridJob;
import arena.core.StrategyConfig;
import arena.core.StrategyProvider;
import arena.core.concurrent.FirstFailure;
import arena.core.concurrent.Uninterruptibly;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The Java 5 executor idiom: a fixed pool from {@link Executors#newFixedThreadPool(int,
 * java.util.concurrent.ThreadFactory)} of exactly {@link #threads()} platform threads, named
 * {@code arena-executor-N}, created when the strategy is opened (its threads start with the first
 * task) and shut down by {@link #close()}; the caller submits tasks and collects one {@link Future}
 * per task. Unlike {@code threads}, no thread is started per call: the pool's threads are reused.
 *
 * <p>How schedules become tasks:
 * <ul>
 *   <li>dynamic and guided: one task per chunk, submitted in plan order. The pool's work queue is a
 *       FIFO {@link java.util.concurrent.LinkedBlockingQueue}, so the next chunk in plan order goes to
 *       whichever pool thread is free first: the schedule's shared hand-out, done by the pool itself
 *       rather than by a {@link arena.core.ChunkQueue};</li>
 *   <li>static: one task per worker {@code w} (never more than the plan has chunks), computing the
 *       chunks the plan pre-assigns to {@code w} in order. A task per chunk would let the FIFO queue
 *       give any chunk to any free thread, which is the dynamic schedule, not the pre-assignment; a
 *       task per owner keeps each owner's chunks together and in order on one thread. (A pool thread
 *       is not bound to a worker id, so which thread runs which owner is up to the pool.)</li>
 * </ul>
 * The fraction's count is one task per contiguous row block ({@code static}), each counting into its
 * block's own slot ({@link BlockCounts}); the slots are summed in block order after every future is
 * done.
 *
 * <p>Failures: a task records its kernel's exception in the job at once ({@link GridJob#fail}, the
 * original instance) before rethrowing it, so tasks still queued see {@link GridJob#stopped()} and
 * return without computing, without waiting for the caller's {@code get()} to reach the failed
 * future. The caller then {@code get()}s every future (see {@link Uninterruptibly#getAll}); each
 * {@link java.util.concurrent.ExecutionException} is unwrapped and recorded too (the first failure
 * wins). No future is cancelled, since a cancelled future's {@code get()} returns while its task may
 * still run.
 *
 * <p>Threading: one caller at a time, as {@link arena.core.Strategy}. The caller only submits and
 * waits; every chunk runs on a pool thread. Each future's {@code get()} gives the caller a
 * happens-before edge over the cells its task wrote. If the caller is interrupted while it waits, the
 * job is cancelled, every future is still waited for, the interrupt status is kept and the call throws
 * {@link CancellationException}.
 */
public final class ExecutorStrategy extends AbstractFixedPoolStrategy {

    /** Opens the strategy: a fixed pool of {@code config.threads()} threads, none started yet. */
    ExecutorStrategy(StrategyProvider provider, StrategyConfig config) {
        super(provider, config);
    }

    @Override
    protected void run(GridJob job) {
        List<Future<?>> futures = new ArrayList<>(job.units());
        try {
            job.startUnits(task -> futures.add(pool.submit(recordingFailure(job, task))));
        } catch (RuntimeException | Error e) {
            job.fail(e); // the pool refused a task (closed, or no thread could be made)
        } finally {
            Uninterruptibly.getAll(futures, job::fail, () -> job.cancel("the caller was interrupted while the tasks ran"));
        }
    }

    @Override
    protected long countEqual(CountGrid grid, int maxval) {
        BlockCounts blocks = blockCounts(grid, maxval);
        List<Future<?>> partial = new ArrayList<>(blocks.size());
        FirstFailure failure = new FirstFailure();
        try {
            blocks.startEach(task -> partial.add(pool.submit(task)));
        } catch (RuntimeException | Error e) {
            failure.fail(e); // the pool refused a task
        } finally {
            Uninterruptibly.getAll(partial, failure::fail,
                    () -> failure.fail(new CancellationException("the caller was interrupted while counting")));
        }
        failure.throwIfFailed();
        return blocks.sum();
    }

    /** Wraps {@code work} so that its exception is recorded in {@code job} on the pool thread, then rethrown. */
    private static Runnable recordingFailure(GridJob job, Runnable work) {
        return () -> {
            try {
                work.run();
            } catch (Throwable t) {
                job.fail(t);
                throw t;
            }
        };
    }
}
