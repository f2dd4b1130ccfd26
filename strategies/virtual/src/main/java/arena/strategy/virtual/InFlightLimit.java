package arena.strategy.virtual;

import arena.core.concurrent.Uninterruptibly;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * At most {@code limit} tasks in flight: a task is started only once one of {@code limit} permits is
 * free, and gives it back when it ends. The virtual-thread strategy's stand-in for a pool size, since
 * the carrier pool cannot be resized per run.
 *
 * <p>Threading: {@link #start} and {@link #awaitNone} are called by one thread at a time (the
 * strategy's caller); {@link #running} from any thread. Everything a task did happens-before
 * {@link #awaitNone} returns (each task releases its permit last; the waiter acquires them all).
 */
final class InFlightLimit {

    private final int limit;
    private final Semaphore permits;
    private final AtomicInteger running = new AtomicInteger();

    /** A limit of {@code limit} tasks, &gt;= 1. */
    InFlightLimit(int limit) {
        this.limit = limit;
        this.permits = new Semaphore(limit);
    }

    /**
     * Waits for a free permit, then, unless {@code stopped} says so by then, starts {@code task} on
     * {@code executor}. A throwable escaping the task goes to {@code onFailure} on the task's thread.
     *
     * @throws InterruptedException when the caller is interrupted while waiting; nothing is started
     * @throws RuntimeException     or an {@link Error} when the executor cannot start the task (it was
     *                              closed, or no thread could be made); nothing is started
     */
    void start(Executor executor, Runnable task, Consumer<Throwable> onFailure, BooleanSupplier stopped)
            throws InterruptedException {
        permits.acquire();
        if (stopped.getAsBoolean()) {
            permits.release();
            return;
        }
        running.incrementAndGet();
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (Throwable t) {
                    onFailure.accept(t);
                } finally {
                    running.decrementAndGet();
                    permits.release();
                }
            });
        } catch (RuntimeException | Error e) {
            running.decrementAndGet();
            permits.release();
            throw e;
        }
    }

    /**
     * Waits until every started task has ended. An interrupt does not end the wait: it runs
     * {@code onInterrupt} (which cancels the run) once and the wait goes on; the flag is restored after.
     */
    void awaitNone(Runnable onInterrupt) {
        Uninterruptibly.acquire(permits, limit, onInterrupt);
        permits.release(limit);
    }

    /** The number of started tasks that have not ended yet. */
    int running() {
        return running.get();
    }
}
