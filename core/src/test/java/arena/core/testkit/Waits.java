package arena.core.testkit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The waits tests use: a latch wait that sits out interrupts (restoring the flag afterwards), a busy
 * spin that ignores them, as a CPU-bound kernel does, and a poll until a probe finds nothing left.
 * Stateless; any thread may call.
 */
public final class Waits {

    private Waits() {
    }

    /**
     * Waits up to {@code timeout} for {@code latch}, through interrupts; returns whether it opened.
     * An interrupt received meanwhile is restored before returning.
     */
    public static boolean awaitUninterruptibly(CountDownLatch latch, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return latch.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Sleeps for {@code duration} through interrupts, restoring the flag afterwards. */
    public static void sleepUninterruptibly(Duration duration) {
        awaitUninterruptibly(new CountDownLatch(1), duration);
    }

    /** Spins for {@code duration}, ignoring interrupts as a CPU-bound kernel does. */
    public static void busyFor(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    /**
     * Asks {@code probe} every {@code every} until it returns an empty list or {@code timeout} has
     * passed, and returns its last answer (empty when nothing is left).
     */
    public static <T> List<T> pollUntilEmpty(Supplier<List<T>> probe, Duration timeout, Duration every) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<T> left = probe.get();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(every.toMillis());
            left = probe.get();
        }
        return left;
    }
}
