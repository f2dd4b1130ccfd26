package arena.core.concurrent;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntToLongFunction;

/**
 * Counts the units of work the workers of one run are inside, so that the thread that started the run
 * can stop it and wait until no worker is still working. Reactive pipelines need it because their
 * cancellation is not a join: when one rail errors or the caller is interrupted, the merged stream
 * cancels every rail and the blocking call returns at once, while other rails may still be inside a
 * unit (cancelling a rail never stops the unit it is running).
 *
 * <p>Threading: {@link #enter()} and {@link #leave()} are called by any number of worker threads at
 * once; {@link #stopAndAwait()} by the one thread that started the run. Once it has returned, every
 * unit that was entered has left and happens-before the return, and every later {@link #enter()}
 * refuses. A worker increments the count before it reads the stop flag, the waiter sets the flag
 * before it reads the count; both are volatile, so one of them always sees the other.
 */
public final class InFlight {

    private final AtomicInteger units = new AtomicInteger();
    private volatile boolean stopped;
    private volatile Thread waiter;

    /** Enters a unit of work; false, and nothing entered, once the run is stopped. */
    public boolean enter() {
        units.incrementAndGet();
        if (stopped) {
            leave();
            return false;
        }
        return true;
    }

    /**
     * Runs {@code work} on {@code unit} as one unit of work and returns its result, or returns
     * {@code refused} without running it once the run is stopped.
     */
    public long apply(IntToLongFunction work, int unit, long refused) {
        if (!enter()) {
            return refused;
        }
        try {
            return work.applyAsLong(unit);
        } finally {
            leave();
        }
    }

    /** Leaves a unit entered with {@link #enter()}. */
    public void leave() {
        if (units.decrementAndGet() == 0) {
            Thread w = waiter;
            if (w != null) {
                LockSupport.unpark(w);
            }
        }
    }

    /**
     * Refuses every later unit and waits until no unit is in flight. Waits through interrupts; the
     * caller's interrupt status is kept.
     */
    public void stopAndAwait() {
        stopped = true;
        waiter = Thread.currentThread();
        boolean interrupted = false;
        while (units.get() != 0) {
            LockSupport.park(this);
            interrupted |= Thread.interrupted();
        }
        waiter = null;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
