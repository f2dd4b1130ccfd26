package arena.strategy.rxjava;

import arena.core.AbstractRailStrategy;
import arena.core.BlockCounts;
import arena.core.CountGrid;
import arena.core.GridJob;
import arena.core.StrategyConfig;
import arena.core.StrategyProvider;
import arena.core.concurrent.InFlight;
import arena.core.concurrent.RailGuard;
import arena.core.concurrent.TrackedThreads;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.parallel.ParallelFlowable;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.time.Duration;
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
 * at once, and {@link AbstractRailStrategy} then waits for the chunks still in flight on other rails
 * ({@link InFlight}) before the run returns. A second failure is recorded and swallowed by its rail, never signalled: RxJava
 * would report it, undeliverable, to {@code RxJavaPlugins.onError}, which prints it and calls the
 * thread's uncaught exception handler. The strategy installs no {@code RxJavaPlugins} error handler:
 * that hook is process-wide and belongs to the application. An interrupt of the waiting caller
 * disposes the subscription: the job is cancelled, the rails are waited for, the interrupt flag is
 * set again (RxJava's blocking calls clear it) and the caller gets a
 * {@link java.util.concurrent.CancellationException}; {@link #fraction} behaves alike.
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
public final class RxJavaStrategy extends AbstractRailStrategy {

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
    protected void awaitRails(GridJob job, RailGuard guard) {
        requireOpen();
        rails(job.units()).doOnNext(guard.around(job::computeUnit)::accept).sequential()
                .ignoreElements().blockingAwait();
    }

    @Override
    protected long sumRails(CountGrid grid, int maxval, InFlight counting) {
        requireOpen();
        BlockCounts bands = blockCounts(grid, maxval);
        return rails(bands.size()).map(bands.countingIn(counting)::applyAsLong)
                .reduce(Long::sum).blockingSingle();
    }

    /** A closed pool rejects the rails' tasks, and RxJava would leave the blocking call waiting forever. */
    private void requireOpen() {
        if (pool.isShutdown()) {
            throw new IllegalStateException("strategy " + name() + " is closed");
        }
    }

    /**
     * RxJava's blocking calls report an interrupt as a {@link RuntimeException} caused by the
     * {@link InterruptedException}, with the thread's interrupt flag cleared.
     */
    @Override
    protected Throwable cause(Throwable thrown) {
        return thrown.getCause() instanceof InterruptedException interrupt ? interrupt : thrown;
    }

    /**
     * Shuts the pool down and waits for its threads to end; idempotent.
     *
     * @throws IllegalStateException when a thread of the pool is still alive after ten seconds
     */
    @Override
    public void close() {
        pool.shutdownNow();
        railThreads.requireEnded(CLOSE_TIMEOUT, "strategy '" + name() + "'");
    }

    /** Ids {@code 0..count-1} on {@code threads} rails, each rail holding at most the id it works on. */
    private ParallelFlowable<Integer> rails(int count) {
        return Flowable.range(0, count).parallel(threads(), 1).runOn(scheduler, 1);
    }
}
