package arena.core.testkit;

import arena.core.kernel.Kernel;
import arena.core.kernel.ScalarKernel;
import arena.core.problem.JuliaParams;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test hook: computes like the scalar kernel, then sleeps a little so that chunks overlap, and
 * records the most calls that were in flight at once, so a test can check a strategy's bound on
 * concurrent chunks. Thread-safe.
 */
public final class InFlightKernel implements Kernel {

    private final long sleepMillis;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    /** A kernel that sleeps {@code sleepMillis} after each band. */
    public InFlightKernel(long sleepMillis) {
        this.sleepMillis = sleepMillis;
    }

    @Override
    public String name() {
        return "in-flight";
    }

    @Override
    public void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd) {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            ScalarKernel.INSTANCE.computeRows(params, counts, rowStart, rowEnd);
            Thread.sleep(sleepMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** The most calls that were in flight at once so far. */
    public int maxInFlight() {
        return maxInFlight.get();
    }
}
