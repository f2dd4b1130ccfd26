package arena.strategy.rxjava;

import arena.core.AbstractStrategy;
import arena.core.ChunkPlan;
import arena.core.CountGrid;
import arena.core.GridJob;
import arena.core.RailGuard;
import arena.core.RowRange;
import arena.core.Schedule;
import arena.core.StrategyConfig;
import arena.core.StrategyProvider;
import arena.core.concurrent.InFlight;
import arena.core.concurrent.TrackedThreads;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.parallel.ParallelFlowable;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * RxJava 3: chunk ids flow as a {@link ParallelFlowable} of {@code threads} rails whose work runs on a
 * fixed pool of {@code threads} threads (named {@code arena-rxjava-N}) that the strategy creates on
 * open, wrapped with {@link Schedulers#from(java.util.concurrent.Executor)}, and shuts down on close.
 * Every pipeline has the same shape, {@code Flowable.range(0, n).parallel(threads, 1)
 * .runOn(scheduler, 1)}, then per-rail work, then a join; the caller's {@code blockingAwait()} or
 * {@code blockingSingle()} at the end of {@link #run} or {@link #countEqual} is the only blocking point.
 * The scheduler's workers do not interrupt the pool's threads when a rail is cancelled.
 *
 * <p><b>Shared plans (dynamic, guided)</b>: the ids are the plan's chunk ids, in hand-out order, and
 * each rail computes the ids it receives. {@code parallel} deals ids only to rails with outstanding
 * demand, and {@code runOn(scheduler, 1)} gives each rail a demand of one: a rail requests its first id
 * when subscribed and the next only after the previous id's {@code onNext}, the chunk's computation,
 * has returned. So a rail never holds an id it is not computing, and the next id in order goes to
 * whichever rail is free first: OpenMP's dynamic hand-out through RxJava's backpressure. (With the
 * default prefetch of 128 each rail would pre-claim a batch of ids round-robin, a static schedule in
 * disguise; {@code parallel}'s prefetch of 1 keeps the dispatcher from buffering ahead, and
 * {@code Flowable.range} is fused and polled on demand.)
 *
 * <p><b>Pre-assigned plans (static)</b>: the ids are worker ids {@code 0..threads-1}, one per rail, and
 * the rail that receives {@code w} computes {@link GridJob#computeOwnedChunks(int) worker w's chunks}
 * ({@code id % threads == w}) in order, within one {@code onNext}, hence on one thread. Dealing chunk
 * ids straight to the rails would not honour the pre-assignment, since {@code parallel} skips a rail
 * without demand; the plan decides which worker owns a chunk, RxJava only which thread runs a worker.
 *
 * <p><b>Failure</b>: the rail whose kernel throws records the original exception with
 * {@link GridJob#fail} (through {@link RailGuard}) and signals it; the join cancels every rail, so no
 * further id is dealt, and rails also skip work once the job is stopped. {@code blockingAwait()} throws
 * at once, so {@link #run} then waits for the chunks still in flight on other rails ({@link InFlight})
 * before it returns. A second failure is recorded and swallowed by its rail, never signalled: RxJava
 * would report it, undeliverable, to {@code RxJavaPlugins.onError}, which prints it and calls the
 * thread's uncaught exception handler. The strategy installs no {@code RxJavaPlugins} error handler:
 * that hook is process-wide and belongs to the application. An interrupt of the waiting caller
 * disposes the subscription: the job is cancelled, the rails are waited for, the interrupt flag is
 * set again (RxJava's blocking calls clear it) and the caller gets a {@link CancellationException};
 * {@link #fraction} behaves alike.
 *
 * <p><b>Fraction</b>: the rows are cut into {@code threads} contiguous bands ({@code static}); each rail
 * maps its band to {@link CountGrid#countEqualInRows} and the partial counts are combined with
 * {@code ParallelFlowable.reduce(Long::sum)}. Integer sums are exact, so the fraction is bit-identical.
 *
 * <p>Threading: as {@link arena.core.Strategy}, one caller at a time. Each pipeline has {@code threads}
 * rails and the pool {@code threads} threads, so every rail can run at once; a rail's work is
 * serialised by its scheduler worker but may move between pool threads from one drain to the next.
 * Opening the first strategy initialises RxJava's {@code Schedulers} class, whose standard schedulers
 * are process-wide: its io scheduler starts a daemon evictor thread ({@code RxCachedWorkerPoolEvictor})
 * at once. It runs nothing of the strategy's and is not the strategy's to stop
 * ({@code Schedulers.shutdown()} would stop them for every RxJava user of the process).
 */
public final class RxJavaStrategy extends AbstractStrategy {

    /** How long {@link #close()} waits for the pool's threads to end. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final TrackedThreads railThreads;
    private final ExecutorService pool;
    private final Scheduler scheduler;

    /** Opens the strategy: a fixed pool of {@code config.threads()} threads and a scheduler over it. */
    RxJavaStrategy(StrategyProvider provider, StrategyConfig config) {
        super(provider, config);
        this.railThreads = new TrackedThreads("arena-" + provider.name());
        this.pool = Executors.newFixedThreadPool(config.threads(), railThreads);
        this.scheduler = Schedulers.from(pool);
    }

    @Override
    protected void run(GridJob job) {
        if (pool.isShutdown()) {
            // a closed pool rejects the rails' tasks, and RxJava would leave blockingAwait waiting forever
            throw new IllegalStateException("strategy " + name() + " is closed");
        }
        RailGuard guard = new RailGuard(job);
        try {
            chunks(job, guard).ignoreElements().blockingAwait();
        } catch (RuntimeException | Error e) {
            if (e != guard.signal() && e.getCause() instanceof InterruptedException) {
                job.cancel("the caller was interrupted while the rails ran");
                Thread.currentThread().interrupt();
            } else {
                job.fail(e); // a rail's signal: the job already holds the original, and keeps it
            }
        } finally {
            guard.stopAndAwait();
        }
    }

    /**
     * @throws CancellationException when the caller is interrupted while the rails count; the rails
     *                               have stopped and the interrupt flag is kept
     */
    @Override
    protected long countEqual(CountGrid grid, int maxval) {
        InFlight counting = new InFlight();
        try {
            return partialCounts(grid, maxval, counting).reduce(Long::sum).blockingSingle();
        } catch (RuntimeException e) {
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while the rails of strategy '" + name() + "' counted");
            }
            throw e;
        } finally {
            counting.stopAndAwait();
        }
    }

    /**
     * Shuts the pool down and waits for its threads to end; idempotent.
     *
     * @throws IllegalStateException when a thread of the pool is still alive after ten seconds
     */
    @Override
    public void close() {
        pool.shutdownNow();
        List<String> alive = railThreads.awaitEnd(CLOSE_TIMEOUT);
        if (!alive.isEmpty()) {
            throw new IllegalStateException("threads of strategy '" + name() + "' still alive " + CLOSE_TIMEOUT.toSeconds()
                    + " s after close: " + alive);
        }
    }

    /**
     * The pipeline that computes {@code job}'s chunks, cold until subscribed: one signal per chunk id of
     * a shared plan, or per worker id of a pre-assigned plan, each emitted once its work is done; it
     * completes after the last, or signals the first kernel exception (already recorded in the job).
     */
    Flowable<Integer> chunks(GridJob job, RailGuard guard) {
        ChunkPlan plan = job.plan();
        if (plan.preassigned()) {
            return rails(plan.workers()).doOnNext(guard::computeOwnedChunks).sequential();
        }
        return rails(plan.size()).doOnNext(guard::computeChunk).sequential();
    }

    /**
     * Each rail's count of cells equal to {@code maxval} in its band of rows, cold until subscribed; a
     * rail that {@code counting} refuses (stopped) emits 0, which no one reads any more.
     */
    ParallelFlowable<Long> partialCounts(CountGrid grid, int maxval, InFlight counting) {
        ChunkPlan bands = new Schedule.Static(0).plan(grid.size(), threads());
        return rails(bands.size()).map(id -> {
            if (!counting.enter()) {
                return 0L;
            }
            try {
                RowRange band = bands.chunk(id);
                return grid.countEqualInRows(maxval, band.start(), band.end());
            } finally {
                counting.leave();
            }
        });
    }

    /** Ids {@code 0..count-1} on {@code threads} rails, each rail holding at most the id it works on. */
    private ParallelFlowable<Integer> rails(int count) {
        return Flowable.range(0, count).parallel(threads(), 1).runOn(scheduler, 1);
    }
}
