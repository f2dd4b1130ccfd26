package arena.strategy.reactor;

import arena.core.AbstractRailStrategy;
import arena.core.BlockCounts;
import arena.core.CountGrid;
import arena.core.GridJob;
import arena.core.StrategyConfig;
import arena.core.StrategyProvider;
import arena.core.concurrent.InFlight;
import arena.core.concurrent.RailGuard;
import arena.core.concurrent.TrackedThreads;
import java.time.Duration;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.ParallelFlux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Project Reactor: chunk ids flow as a {@link ParallelFlux} of {@code threads} rails, each rail running
 * on its own worker of a parallel {@link Scheduler} that the strategy creates on open and disposes on
 * close. Every pipeline has the same shape, {@code Flux.range(0, n).parallel(threads, 1)
 * .runOn(scheduler, 1)}, then per-rail work, then a merge; the caller's {@code blockLast()} or
 * {@code block()} at the end of {@link #run} or {@link #countEqual} is the only blocking point.
 *
 * <p><b>Shared plans (dynamic, guided)</b>: the ids are the plan's chunk ids, in hand-out order, and
 * each rail computes the ids it receives. {@code parallel} deals the ids only to rails that have
 * outstanding demand, and {@code runOn(scheduler, 1)} gives each rail a demand of one: a rail requests
 * its first id when subscribed and the next one only after the previous id's {@code onNext}, the chunk's
 * computation, has returned. So a rail never holds an id it is not computing, and the next id in order
 * goes to whichever rail finishes first: OpenMP's dynamic hand-out through Reactor's own backpressure.
 * ({@code parallel}'s prefetch of 1 keeps the source from buffering ahead; {@code Flux.range} is
 * fused anyway and is polled on demand.) With the default prefetch of 256 every rail would pre-claim a
 * batch of ids round-robin, which is a static schedule in disguise.
 *
 * <p><b>Pre-assigned plans (static)</b>: the ids are worker ids {@code 0..threads-1}, one per rail, and
 * the rail that receives {@code w} computes {@link GridJob#computeOwnedChunks(int) worker w's chunks}
 * ({@code id % threads == w}) in order. Dealing chunk ids straight to the rails would not honour the
 * pre-assignment, because {@code parallel} skips a rail that has no demand; so the plan, not Reactor,
 * decides which worker owns a chunk, and Reactor decides only which thread runs each worker.
 *
 * <p><b>Failure</b>: the rail whose kernel throws records the original exception with
 * {@link GridJob#fail} (through {@link RailGuard}) and signals it; Reactor's {@code onError} cancels
 * that rail's upstream, which cancels the shared source, and the merge cancels the other rails, so no
 * further id is dealt; rails also skip work once the job is stopped. {@code blockLast()} throws at once,
 * and {@link AbstractRailStrategy} then waits for the chunks still in flight on other rails before the
 * run returns. A second failure is recorded and swallowed by its rail, never signalled: Reactor would drop
 * it, undeliverable, to {@code Hooks.onErrorDropped}, which logs it; the strategy installs no hook,
 * those are process-wide and belong to the application. An interrupt of the waiting caller disposes
 * the subscription the same way: the job is cancelled, the rails are waited for, the interrupt flag is
 * kept and the caller gets a {@link java.util.concurrent.CancellationException}; {@link #fraction}
 * behaves alike.
 *
 * <p><b>Fraction</b>: the rows are cut into {@code threads} contiguous bands ({@code static}); each rail
 * counts its band with {@link CountGrid#countEqualInRows} and the rails' partial counts are combined with
 * {@code ParallelFlux.reduce(Long::sum)}. Integer sums are exact, so the fraction is bit-identical.
 *
 * <p>Threading: as {@link arena.core.Strategy}, one caller at a time. Each run creates {@code threads}
 * scheduler workers, which the parallel scheduler hands its {@code threads} single-threaded executors in
 * turn, so each rail has a thread of its own. The per-chunk cost of the model is one boxed
 * {@code Integer} for ids above 127 and one {@code onNext} per rail operator; no per-cell allocation.
 */
public final class ReactorStrategy extends AbstractRailStrategy {

    /** How long {@link #close()} waits for the scheduler's threads to end. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final TrackedThreads railThreads;
    private final Scheduler scheduler;

    /** Opens the strategy: a parallel scheduler of {@code config.threads()} threads. */
    ReactorStrategy(StrategyProvider provider, StrategyConfig config) {
        super(provider, config);
        this.railThreads = RailThreads.named("arena-" + provider.name());
        this.scheduler = Schedulers.newParallel(config.threads(), railThreads);
    }

    @Override
    protected void awaitRails(GridJob job, RailGuard guard) {
        chunks(job, guard).blockLast();
    }

    @Override
    protected long sumRails(CountGrid grid, int maxval, InFlight counting) {
        return partialCounts(grid, maxval, counting).reduce(Long::sum).block();
    }

    /** Reactor's blocking calls wrap a checked exception, {@link InterruptedException} included, in an envelope of theirs. */
    @Override
    protected Throwable cause(Throwable thrown) {
        return Exceptions.unwrap(thrown);
    }

    /**
     * Disposes the scheduler and waits for its threads to end; idempotent.
     *
     * @throws IllegalStateException when a thread of the scheduler is still alive after ten seconds
     */
    @Override
    public void close() {
        scheduler.dispose();
        railThreads.requireEnded(CLOSE_TIMEOUT, "strategy '" + name() + "'");
    }

    /**
     * The pipeline that computes {@code job}'s chunks, cold until subscribed: one signal per chunk id of
     * a shared plan, or per worker id of a pre-assigned plan, each emitted once its work is done; it
     * completes after the last, or signals the first kernel exception (already recorded in the job).
     */
    Flux<Integer> chunks(GridJob job, RailGuard guard) {
        return rails(job.units()).doOnNext(guard.around(job::computeUnit)::accept).sequential();
    }

    /**
     * Each rail's count of cells equal to {@code maxval} in its band of rows, cold until subscribed; a
     * rail that {@code counting} refuses (stopped) emits 0, which no one reads any more.
     */
    ParallelFlux<Long> partialCounts(CountGrid grid, int maxval, InFlight counting) {
        BlockCounts bands = blockCounts(grid, maxval);
        return rails(bands.size()).map(bands.countingIn(counting)::applyAsLong);
    }

    /** Ids {@code 0..count-1} on {@code threads} rails, each rail holding at most the id it works on. */
    private ParallelFlux<Integer> rails(int count) {
        return Flux.range(0, count).parallel(threads(), 1).runOn(scheduler, 1);
    }
}
