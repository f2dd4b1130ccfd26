package arena.core;

import arena.core.input.InvalidInputException;
import arena.core.problem.JuliaParams;
import java.util.Objects;

/**
 * The part every strategy shares: it checks the configuration and the schedule against the
 * provider's {@link Capabilities}, creates the {@link GridJob}, turns the job's outcome into a grid or
 * a {@link WorkerFailedException}, and ends the fraction with the shared division. A subclass says only
 * how its model runs the chunks ({@link #run}) and how it reduces the count ({@link #countEqual}).
 *
 * <p>Threading: as {@link Strategy}; one caller at a time.
 */
public abstract class AbstractStrategy implements Strategy {

    private final StrategyProvider provider;
    private final int threads;

    /**
     * @throws InvalidInputException when the provider's capabilities rule {@code config} out
     */
    protected AbstractStrategy(StrategyProvider provider, StrategyConfig config) {
        this.provider = Objects.requireNonNull(provider, "provider");
        provider.capabilities().requireAccepted(provider.name(), config);
        this.threads = config.threads();
    }

    @Override
    public final String name() {
        return provider.name();
    }

    @Override
    public final int threads() {
        return threads;
    }

    @Override
    public final CountGrid compute(JuliaParams params, Execution execution) {
        provider.capabilities().requireSupported(name(), execution.schedule());
        GridJob job = new GridJob(name(), params, execution, threads);
        try {
            run(job);
        } catch (RuntimeException | Error e) {
            job.fail(e);
        }
        if (Thread.currentThread().isInterrupted()) {
            // interrupted during the call, even if every worker had ended before a wait could notice
            job.cancel("the caller was interrupted");
        }
        return job.finish();
    }

    /**
     * {@inheritDoc} A caller interrupted during the call gets a
     * {@link java.util.concurrent.CancellationException} and keeps its interrupt flag.
     */
    @Override
    public final double fraction(CountGrid grid, int maxval) {
        long count = countEqual(grid, maxval);
        if (Thread.currentThread().isInterrupted()) {
            throw new java.util.concurrent.CancellationException("the caller was interrupted while strategy '" + name() + "' counted");
        }
        return Fraction.of(count, grid.cellCount());
    }

    /**
     * Runs every chunk of {@code job.plan()} in the model's own way and returns once no worker
     * touches the grid any more: after all chunks are done, or after a failure (recorded with
     * {@link GridJob#fail}) has stopped the others. A worker's exception may also be thrown from here.
     */
    protected abstract void run(GridJob job);

    /**
     * The number of cells equal to {@code maxval}, reduced in parallel in the model's own way from
     * per-worker partial counts ({@link CountGrid#countEqualInRows}).
     */
    protected abstract long countEqual(CountGrid grid, int maxval);

    /** The count of {@code grid}'s cells equal to {@code maxval}, cut into one row block per thread. */
    protected final BlockCounts blockCounts(CountGrid grid, int maxval) {
        return new BlockCounts(grid, maxval, threads);
    }
}
