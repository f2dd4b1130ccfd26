package arena.strategy.completable;

import arena.core.AbstractFixedPoolStrategy;
import arena.core.BlockCounts;
import arena.core.CountGrid;
import arena.core.GridJob;
import arena.core.StrategyConfig;
import arena.core.StrategyProvider;
import arena.core.concurrent.FirstFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * {@link CompletableFuture} composition: every unit of work is a {@code runAsync} stage on a fixed
 * pool of {@link #threads()} platform threads that the strategy owns (never the common pool), named
 * {@code arena-completable-N}, created on open and shut down by {@link #close()}. The stages are
 * joined with {@link CompletableFuture#allOf}; the caller blocks once, on that combined future.
 *
 * <p>How schedules become stages:
 * <ul>
 *   <li>dynamic and guided: one stage per chunk, started in plan order; the pool's FIFO queue hands the
 *       next chunk to whichever pool thread is free first;</li>
 *   <li>static: one stage per worker {@code w} (never more than the plan has chunks), computing the
 *       chunks the plan pre-assigns to {@code w} in order, so an owner's chunks stay together on one
 *       thread; a stage per chunk would be the dynamic hand-out instead.</li>
 * </ul>
 * The fraction's count is one {@code supplyAsync} per contiguous row block ({@code static}), reduced
 * left to right with {@code thenCombine(Long::sum)}.
 *
 * <p>Failures: each chunk's stage carries a {@code whenComplete} that records its exception in the job,
 * unwrapped from the {@link java.util.concurrent.CompletionException} that {@code runAsync} wraps it
 * in, so it is the kernel's original instance. That action runs as soon as the stage fails, on the pool
 * thread, so stages not yet started see {@link GridJob#stopped()} and skip their chunk. {@code allOf}
 * is built over these {@code whenComplete} stages, so the failure is recorded before it completes.
 *
 * <p>Why {@code allOf} gives "wait for every worker": {@code allOf} completes, normally or
 * exceptionally, only once <em>every</em> given future has completed; one future failing early does not
 * complete it (unlike {@code anyOf}, or a {@code join()} on each future that stops at the first
 * failure). Likewise a {@code thenCombine} stage fires only when both its sources are complete, so the
 * end of the fraction's chain completes only after every block. The module's tests check both
 * properties of the JDK and the strategy's behaviour built on them: a failure surfaces only after the
 * slowest chunk in flight has ended.
 *
 * <p>Threading: one caller at a time, as {@link arena.core.Strategy}. The caller only starts stages and
 * waits; every chunk runs on a pool thread. The completion of the combined future happens-after every
 * stage's action, so the grid is visible to the caller when {@code get()} returns. The caller waits
 * with {@code get()}, not {@code join()}, so that an interrupt is seen: then the job is cancelled, the
 * combined future is still waited for (further interrupts absorbed; see {@link Completion#await}), the
 * interrupt status is kept and the call throws {@link CancellationException}.
 */
public final class CompletableStrategy extends AbstractFixedPoolStrategy {

    /** Opens the strategy: a fixed pool of {@code config.threads()} threads, none started yet. */
    CompletableStrategy(StrategyProvider provider, StrategyConfig config) {
        super(provider, config);
    }

    @Override
    protected void run(GridJob job) {
        List<CompletableFuture<Void>> stages = new ArrayList<>(job.units());
        try {
            job.startUnits(task -> stages.add(start(job, task)));
        } catch (RuntimeException | Error e) {
            job.fail(e); // the pool refused a stage (closed, or no thread could be made)
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(stages.toArray(CompletableFuture[]::new));
        Completion.await(all, job::fail, () -> job.cancel("the caller was interrupted while the stages ran"));
    }

    @Override
    protected long countEqual(CountGrid grid, int maxval) {
        BlockCounts blocks = blockCounts(grid, maxval);
        FirstFailure failure = new FirstFailure();
        CompletableFuture<Long> total = CompletableFuture.completedFuture(0L);
        try {
            for (int b = 0; b < blocks.size(); b++) {
                int block = b;
                total = total.thenCombine(CompletableFuture.supplyAsync(() -> blocks.count(block), pool), Long::sum);
            }
        } catch (RuntimeException | Error e) {
            failure.fail(e);
        }
        Completion.await(total, failure::fail,
                () -> failure.fail(new CancellationException("the caller was interrupted while counting")));
        failure.throwIfFailed();
        return total.resultNow();
    }

    /** Starts {@code work} on the pool; the returned stage completes after a failure has been recorded in the job. */
    private CompletableFuture<Void> start(GridJob job, Runnable work) {
        return CompletableFuture.runAsync(work, pool).whenComplete((ignored, failure) -> {
            if (failure != null) {
                job.fail(Completion.unwrap(failure));
            }
        });
    }
}
