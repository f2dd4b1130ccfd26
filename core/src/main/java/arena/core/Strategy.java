package arena.core;

import arena.core.input.InvalidInputException;
import arena.core.problem.JuliaParams;

/**
 * One concurrency model, opened for one run configuration: it holds the pools, schedulers or actor
 * systems sized to that configuration until {@link #close()}. Open it outside any timed region.
 *
 * <p>Threading: one caller at a time. {@link #compute} and {@link #fraction} block the calling
 * thread until every worker has finished (or stopped after a failure); the returned grid is then
 * fully visible to the caller. After a failed call the strategy stays usable. After
 * {@link #close()} no thread, pool or actor system of the strategy is left running.
 *
 * <p>Interruption: when the calling thread is interrupted while it waits for the workers, the run
 * is cancelled, the strategy still waits for every worker to stop, restores the caller's interrupt
 * flag and throws {@link java.util.concurrent.CancellationException}.
 */
public interface Strategy extends AutoCloseable {

    /** The provider's name, e.g. {@code forkjoin}. */
    String name();

    /** The number of workers the strategy was opened with. */
    int threads();

    /**
     * Computes the whole grid of {@code params} with the execution's schedule and kernel.
     *
     * @throws InvalidInputException  when the schedule is not one the strategy supports
     * @throws WorkerFailedException  when a worker failed; its cause is the worker's original exception
     */
    CountGrid compute(JuliaParams params, Execution execution);

    /**
     * The share of cells whose count equals {@code maxval}, reduced in parallel in the strategy's own
     * model and bit-identical to the sequential {@link Fraction}.
     */
    double fraction(CountGrid grid, int maxval);

    /** Stops and releases every thread, pool and actor system of the strategy; idempotent. */
    @Override
    void close();
}
