package arena.bench.measure;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Holds interrupts back while a strategy is opened or closed (pools and actor systems starting or
 * terminating), so that an interrupt, from a timeout or from Ctrl-C, lands in a run, which knows how
 * to cancel itself, and never half-way through a start-up. One shield for the whole JVM: any thread
 * may run a {@link #shielded} action, any other may {@link #interruptWhenUnshielded interrupt} it;
 * the interrupt happens after the action has returned.
 */
public final class InterruptShield {

    /** Fair, so that an interrupt waiting for a shielded action gets in before the next one starts. */
    private static final ReentrantLock SHIELD = new ReentrantLock(true);

    /** How long an interrupt waits for a shielded action to end before it goes in anyway. */
    private static final long PATIENCE_SECONDS = 10;

    private InterruptShield() {
    }

    /**
     * Runs {@code action} on the calling thread with interrupts held back until it returns; a pending
     * interrupt flag is cleared for its duration and restored afterwards.
     */
    public static <T> T shielded(Supplier<T> action) {
        SHIELD.lock();
        boolean interrupted = Thread.interrupted();
        try {
            return action.get();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            SHIELD.unlock();
        }
    }

    /**
     * Runs {@code beforeInterrupt}, then interrupts {@code thread}, once no shielded action runs
     * (waiting at most ten seconds for one to end).
     *
     * @throws InterruptedException when the calling thread is interrupted while it waits
     */
    public static void interruptWhenUnshielded(Thread thread, Runnable beforeInterrupt) throws InterruptedException {
        boolean locked = SHIELD.tryLock(PATIENCE_SECONDS, TimeUnit.SECONDS);
        try {
            beforeInterrupt.run();
            thread.interrupt();
        } finally {
            if (locked) {
                SHIELD.unlock();
            }
        }
    }
}
