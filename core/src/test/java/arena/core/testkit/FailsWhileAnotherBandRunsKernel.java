package arena.core.testkit;

import arena.core.kernel.ScalarKernel;
import arena.core.problem.JuliaParams;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test hook for "a failure surfaces only after the band in flight elsewhere has ended": the first
 * band to start waits (up to five seconds) until a second band has started, necessarily on another
 * thread, then throws {@link #failure()}; the second band spins for {@code slowFor}, ignoring
 * interrupts as a CPU-bound kernel does, computes, and notes that it finished. Every other band
 * computes like the scalar kernel. Thread-safe; one run per instance.
 */
public final class FailsWhileAnotherBandRunsKernel extends TestKernel {

    private final IllegalStateException failure = new IllegalStateException("the first band fails once a second is under way");
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger rowsComputed = new AtomicInteger();
    private final CountDownLatch secondStarted = new CountDownLatch(1);
    private final Duration slowFor;
    private volatile boolean secondBandFinished;

    /** A kernel whose second band takes {@code slowFor} more. */
    public FailsWhileAnotherBandRunsKernel(Duration slowFor) {
        super("fails-while-another-band-runs");
        this.slowFor = slowFor;
    }

    @Override
    public void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd) {
        int call = calls.incrementAndGet();
        if (call == 1) {
            Waits.awaitUninterruptibly(secondStarted, Duration.ofSeconds(5));
            throw failure;
        }
        if (call == 2) {
            secondStarted.countDown();
            Waits.busyFor(slowFor);
        }
        ScalarKernel.INSTANCE.computeRows(params, counts, rowStart, rowEnd);
        rowsComputed.addAndGet(rowEnd - rowStart);
        if (call == 2) {
            secondBandFinished = true;
        }
    }

    /** The very instance the first band throws (an {@link IllegalStateException}, which ForkJoin would copy). */
    public IllegalStateException failure() {
        return failure;
    }

    /** The rows computed so far, over all bands. */
    public int rowsComputed() {
        return rowsComputed.get();
    }

    /** Whether the second band had finished; read after the call to see what it waited for. */
    public boolean secondBandFinished() {
        return secondBandFinished;
    }
}
