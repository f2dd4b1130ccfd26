package arena.core;

/**
 * The reference: one thread, the caller's, computing the plan's chunks in order through the kernel.
 * Every other strategy is checked against it. Holds no resources. An interrupt of the caller
 * cancels the run between chunks (the flag stays set) and surfaces as a
 * {@link java.util.concurrent.CancellationException}.
 */
public final class SequentialStrategy extends AbstractStrategy {

    /** Opens the reference; {@code config} must ask for one thread. */
    public SequentialStrategy(StrategyConfig config) {
        super(new SequentialProvider(), config);
    }

    @Override
    protected void run(GridJob job) {
        for (int id = 0; id < job.plan().size(); id++) {
            if (Thread.currentThread().isInterrupted()) {
                job.cancel("the caller was interrupted");
                return;
            }
            job.compute(id);
        }
    }

    @Override
    protected long countEqual(CountGrid grid, int maxval) {
        return grid.countEqual(maxval);
    }

    @Override
    public void close() {
        // nothing to release
    }
}
