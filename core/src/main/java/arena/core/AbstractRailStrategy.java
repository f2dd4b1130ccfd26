package arena.core;

import arena.core.concurrent.InFlight;
import arena.core.concurrent.RailGuard;
import java.util.concurrent.CancellationException;

/**
 * The part the reactive strategies share (Reactor, RxJava): a run is a parallel pipeline whose rails
 * compute the job's units ({@link GridJob#units()}) through a {@link RailGuard}, the fraction a
 * pipeline whose rails count row bands ({@link BlockCounts}) inside an {@link InFlight}; the caller
 * blocks once, at the end of each. This class guards the rails, waits for the work still in flight
 * after the pipeline has ended, and turns the library's blocking call's exception into the job's
 * failure or a cancellation. A subclass builds and awaits its library's pipelines
 * ({@link #awaitRails}, {@link #sumRails}) and says how its blocking calls report an interrupt
 * ({@link #cause}).
 *
 * <p>Failure: the first rail to fail records the original exception in the job and signals it, which
 * ends the pipeline; the blocking call throws at once, so {@link #run} waits for the units in flight
 * on other rails before it returns. An interrupt of the waiting caller ends the blocking call as
 * well: the job is cancelled (the fraction throws a {@link CancellationException}), the rails are
 * waited for, and the interrupt flag is set again.
 *
 * <p>Threading: as {@link Strategy}, one caller at a time; the hooks are called on the caller's
 * thread and block it until their pipeline has ended.
 */
public abstract class AbstractRailStrategy extends AbstractStrategy {

    /** See {@link AbstractStrategy#AbstractStrategy}. */
    protected AbstractRailStrategy(StrategyProvider provider, StrategyConfig config) {
        super(provider, config);
    }

    @Override
    protected final void run(GridJob job) {
        RailGuard guard = new RailGuard(job);
        try {
            awaitRails(job, guard);
        } catch (RuntimeException | Error e) {
            Throwable cause = cause(e);
            if (e != guard.signal() && cause instanceof InterruptedException) {
                job.cancel("the caller was interrupted while the rails ran");
                Thread.currentThread().interrupt();
            } else {
                job.fail(cause); // a rail's signal: the job already holds the original, and keeps it
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
    protected final long countEqual(CountGrid grid, int maxval) {
        InFlight counting = new InFlight();
        try {
            return sumRails(grid, maxval, counting);
        } catch (RuntimeException e) {
            if (cause(e) instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while the rails of strategy '" + name() + "' counted");
            }
            throw e;
        } finally {
            counting.stopAndAwait();
        }
    }

    /**
     * Runs the pipeline of {@code job}'s units, each computed on a rail through
     * {@link RailGuard#around guard.around(job::computeUnit)}, and blocks until it has ended.
     * Throws what the library's blocking call throws: the first rail's signal, or its report of an
     * interrupt.
     */
    protected abstract void awaitRails(GridJob job, RailGuard guard);

    /**
     * Runs the pipeline that counts {@code grid}'s cells equal to {@code maxval}, one band of
     * {@link #blockCounts} per rail, each counted inside {@code counting} (a refused band counts 0),
     * and blocks until it has reduced the partial counts to their sum.
     */
    protected abstract long sumRails(CountGrid grid, int maxval, InFlight counting);

    /**
     * What the library's blocking call threw, out of the library's envelope: an
     * {@link InterruptedException} when the wait was interrupted, else {@code thrown} or its cause.
     */
    protected abstract Throwable cause(Throwable thrown);
}
