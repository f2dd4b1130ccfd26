package arena.core.testkit;

import arena.core.kernel.ScalarKernel;
import arena.core.problem.JuliaParams;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test hook: computes like the scalar kernel, then sleeps for {@code delay} through interrupts
 * (restoring the flag), as a kernel busy with its band would, so that bands overlap. It counts the
 * bands started and finished and the most bands in flight at once, so that a test can check that a
 * cancelled call returned only once every band in flight had ended, or a strategy's bound on
 * concurrent chunks. Thread-safe.
 */
public final class SlowBandsKernel extends TestKernel {

    private final Duration delay;
    private final CountDownLatch firstStarted = new CountDownLatch(1);
    private final AtomicInteger bandsStarted = new AtomicInteger();
    private final AtomicInteger bandsFinished = new AtomicInteger();
    private final AtomicInteger rowsFinished = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    /** A kernel whose every band takes {@code delay} more. */
    public SlowBandsKernel(Duration delay) {
        super("slow-bands");
        this.delay = delay;
    }

    @Override
    public void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd) {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        bandsStarted.incrementAndGet();
        firstStarted.countDown();
        try {
            ScalarKernel.INSTANCE.computeRows(params, counts, rowStart, rowEnd);
            Waits.sleepUninterruptibly(delay);
            rowsFinished.addAndGet(rowEnd - rowStart);
            bandsFinished.incrementAndGet();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Waits (up to five seconds, through interrupts) until the first band has started. */
    public void awaitFirstStarted() {
        Waits.awaitUninterruptibly(firstStarted, Duration.ofSeconds(5));
    }

    /** The bands started so far. */
    public int bandsStarted() {
        return bandsStarted.get();
    }

    /** The bands finished so far. */
    public int bandsFinished() {
        return bandsFinished.get();
    }

    /** The rows of the bands finished so far. */
    public int rowsFinished() {
        return rowsFinished.get();
    }

    /** The most bands that were in flight at once so far. */
    public int maxInFlight() {
        return maxInFlight.get();
    }
}
