package arena.strategy.forkjoin;

import arena.core.AbstractForkJoinPoolStrategy;
import arena.core.ChunkPlan;
import arena.core.ChunkQueue;
import arena.core.CountGrid;
import arena.core.GridJob;
import arena.core.Schedule;
import arena.core.StrategyConfig;
import arena.core.StrategyProvider;
import arena.core.concurrent.Uninterruptibly;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * The ForkJoin model: a {@link ForkJoinPool} of exactly {@link #threads()} workers, created when the
 * strategy is opened (never the common pool), its threads named {@code arena-forkjoin-N}, shut down
 * by {@link #close()}.
 *
 * <p>How schedules become tasks:
 * <ul>
 *   <li>static: one task per worker (a {@link WorkerTeam} leaf), each computing the chunks the plan
 *       pre-assigns to it;</li>
 *   <li>dynamic and guided: one task per worker, each draining the plan's shared {@link ChunkQueue}.
 *       Not one task per chunk: a work-stealing deque hands its tasks to its owner newest first and
 *       to thieves oldest first, so per-chunk tasks could not honour the schedule's promise that the
 *       first free worker takes the <em>next</em> chunk in plan order (which guided relies on, its
 *       chunks shrinking towards the end); the queue keeps that promise and allocates nothing per
 *       chunk;</li>
 *   <li>split: ForkJoin's own idiom, a {@link SplitBand} halving the row range with
 *       {@link Schedule.Split#splits} and {@link Schedule.Split#middle}, so its leaves are exactly the
 *       plan's chunks, balanced by work stealing.</li>
 * </ul>
 * The fraction is a {@link CountEqualTask} summing {@link CountGrid#countEqualInRows} over halved
 * row bands.
 *
 * <p>Failures: no task ever completes abnormally. A task that catches its kernel's exception records
 * that very instance with {@link GridJob#fail} and returns normally, and tasks not yet started see
 * {@link GridJob#stopped()} and skip their work. So a join never returns while a sibling is still
 * running (as {@link ForkJoinTask#invokeAll} would after cancelling it), and the caller never sees the
 * copy of an exception that ForkJoin builds reflectively when it rethrows in another thread.
 *
 * <p>Threading: one caller at a time, as {@link arena.core.Strategy}. The caller's thread only submits
 * the root task and waits; every chunk runs on a pool thread. The pool's join gives the caller a
 * happens-before edge over every cell written.
 */
public final class ForkJoinStrategy extends AbstractForkJoinPoolStrategy {

    /** Opens the strategy: its pool of {@code config.threads()} workers. */
    ForkJoinStrategy(StrategyProvider provider, StrategyConfig config) {
        super(provider, config);
    }

    @Override
    protected void run(GridJob job) {
        ChunkPlan plan = job.plan();
        if (plan.preassigned()) {
            invoke(job, WorkerTeam.owningChunks(job));
            return;
        }
        if (job.schedule() instanceof Schedule.Split split) {
            invoke(job, SplitBand.whole(job, split));
        } else {
            invoke(job, WorkerTeam.draining(job, plan.queue()));
        }
    }

    @Override
    protected long countEqual(CountGrid grid, int maxval) {
        return pool.invoke(CountEqualTask.whole(grid, maxval, threads()));
    }

    /**
     * Runs {@code root} to its end. Tasks record their failures in {@code job} themselves; whatever the
     * pool throws here once the job is stopped (a consequence or a copy of the recorded failure) is
     * dropped after the pool has gone quiet, so the job keeps the original. Anything else (a pool
     * closed under the caller) propagates. An interrupt of the caller cancels the job; the caller
     * still waits for the tasks to end and keeps its interrupt flag.
     */
    private void invoke(GridJob job, ForkJoinTask<?> root) {
        try {
            pool.submit(root);
            try {
                Uninterruptibly.get(root, () -> job.cancel("the caller was interrupted"));
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        } catch (RuntimeException | Error e) {
            awaitQuiescence();
            if (!job.stopped()) {
                throw e;
            }
        }
    }
}
