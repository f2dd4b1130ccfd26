package arena.strategy.reactor;

import arena.core.InFlight;

import arena.core.GridJob;

/**
 * One run's guard around the work the rails do for a {@link GridJob}: it skips work once the job or
 * the run is stopped, records a kernel's exception as the job's failure where it is thrown (so the job
 * keeps the original, whatever Reactor later does with the signal), and counts the work in flight
 * ({@link InFlight}) so that the caller can wait until no rail touches the grid any more.
 *
 * <p>Threading: {@link #computeChunk} and {@link #computeOwnedChunks} are called by any number of rail
 * threads at once, for disjoint chunks; {@link #stopAndAwait()} by the thread that runs the job. When
 * it returns, every chunk a rail computed happens-before the return and no rail starts another.
 */
final class RailGuard {

    private final GridJob job;
    private final InFlight inFlight = new InFlight();

    /** A guard for {@code job}'s rails. */
    RailGuard(GridJob job) {
        this.job = job;
    }

    /** Computes chunk {@code id} unless the job is stopped; a failure is recorded, then rethrown. */
    void computeChunk(int id) {
        if (!inFlight.enter()) {
            return;
        }
        try {
            if (!job.stopped()) {
                job.compute(id);
            }
        } catch (Throwable t) {
            throw failed(t);
        } finally {
            inFlight.leave();
        }
    }

    /**
     * Computes the chunks of a pre-assigned plan that belong to {@code worker}, stopping between
     * chunks once the job is stopped; a failure is recorded, then rethrown.
     */
    void computeOwnedChunks(int worker) {
        if (!inFlight.enter()) {
            return;
        }
        try {
            job.computeOwnedChunks(worker);
        } catch (Throwable t) {
            throw failed(t);
        } finally {
            inFlight.leave();
        }
    }

    /**
     * Lets no rail start another chunk and waits for the chunks in flight; see
     * {@link InFlight#stopAndAwait()}. Rails that own several chunks stop between two of them once the
     * job is stopped, so call it after the pipeline has ended or after the job has been stopped.
     */
    void stopAndAwait() {
        inFlight.stopAndAwait();
    }

    private RuntimeException failed(Throwable t) {
        job.fail(t);
        return t instanceof RuntimeException e ? e : new RailFailure(t);
    }

    /**
     * Carries a worker's {@link Error} through Reactor as an ordinary error signal: Reactor rethrows
     * fatal errors on the rail's thread instead of signalling them, which would leave the pipeline
     * without a terminal signal. The job already holds the original.
     */
    private static final class RailFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RailFailure(Throwable cause) {
            super("a rail failed: " + cause, cause, false, false);
        }
    }
}
