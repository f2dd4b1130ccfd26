package arena.core.concurrent;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import static org.assertj.core.api.Assertions.assertThat;

/** The tests' bounded waits: on a latch, for a thread to block, and for a test's thread to end. */
final class Latches {

    /** How long a test waits for anything before it fails. */
    static final Duration WAIT = Duration.ofSeconds(5);

    private Latches() {
    }

    /**
     * Waits up to {@link #WAIT} for {@code latch}.
     *
     * @throws AssertionError when it is not released in time, or the waiting thread is interrupted
     *                        (whose flag is then set again)
     */
    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the test's latch was not released in " + WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the test's latch", e);
        }
    }

    /**
     * Waits up to {@link #WAIT} until {@code thread} is blocked ({@link Thread.State#WAITING} or
     * {@link Thread.State#TIMED_WAITING}), as a thread parked in a wait is.
     *
     * @throws AssertionError when it does not block in time
     */
    static void awaitBlocked(Thread thread) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TIMED_WAITING) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(thread.getName() + " did not block in " + WAIT + "; it is " + thread.getState());
            }
            Thread.onSpinWait();
        }
    }

    /** Waits up to {@link #WAIT} for {@code thread} to end and asserts that it has; null is no thread. */
    static void assertEnds(Thread thread) throws InterruptedException {
        if (thread != null) {
            thread.join(WAIT.toMillis());
            assertThat(thread.isAlive()).as("the test's thread %s ended", thread.getName()).isFalse();
        }
    }
}
