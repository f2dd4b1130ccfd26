package arena.strategy.rxjava;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Counts the units of work the rails of one pipeline are inside, so that the thread that started the
 * pipeline can stop it and wait until no rail is still working. It exists because RxJava's
 * cancellation is not a join: when a rail signals an error or the caller is interrupted, the joined
 * {@code Flowable} cancels every rail and the blocking call returns at once, while other rails may
 * still be inside a unit (cancelling a rail never stops the unit it is running, and the strategy's
 * scheduler does not interrupt its threads).
 *
 * <p>Threading: {@link #enter()} and {@link #leave()} are called by any number of rail threads at
 * once; {@link #stopAndAwait()} by the one thread that started the pipeline. Once it has returned,
 * every unit that was entered has left and happens-before the return, and every later {@link #enter()}
 * refuses. A rail increments the count before it reads the stop flag, the waiter sets the flag before
 * it reads the count; both are volatile, so one of them always sees the other.
 */
final class InFlight {

    private final AtomicInteger units = new AtomicInteger();
    private volatile boolean stopped;
    private volatile Thread waiter;

    /** Enters a unit of work; false, and nothing entered, once the pipeline is stopped. */
    boolean enter() {
        units.incrementAndGet();
        if (stopped) {
            leave();
            return false;
        }
        return true;
    }

    /** Leaves a unit entered with {@link #enter()}. */
    void leave() {
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
    void stopAndAwait() {
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
