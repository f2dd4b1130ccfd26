package arena.strategy.threads;

import arena.core.concurrent.Uninterruptibly;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The fork and join of the {@code threads} strategy: starts one new, named platform thread per
 * worker for one parallel step and returns only once every thread it started has ended.
 *
 * <p>Threading: {@link #forkJoin} is called by the strategy's caller, one call at a time. Everything
 * a worker did happens-before {@code forkJoin} returns (each thread is joined). Failure and interrupt
 * callbacks may run on any worker thread, or on the caller's, and must be thread-safe.
 */
final class PlatformWorkers {

    private PlatformWorkers() {
    }

    /**
     * Runs {@code body.accept(w)} for every {@code w} in {@code [0, workers)}, each on its own platform
     * thread named {@code namePrefix + w}, and joins them all.
     *
     * <p>A throwable escaping a worker goes to {@code onFailure} on that worker's thread. If a thread
     * cannot be started (no native thread left), the error goes to {@code onFailure}, no further thread
     * is started and those already started are still joined. If the caller is interrupted while it
     * waits, {@code onInterrupt} runs once, the wait goes on until every worker has ended (a worker must
     * never outlive the call), and the caller's interrupt status is set again before returning
     * ({@link Uninterruptibly#joinAll}).
     */
    static void forkJoin(String namePrefix, int workers, IntConsumer body, Consumer<Throwable> onFailure,
            Runnable onInterrupt) {
        Thread[] started = new Thread[workers];
        int count = 0;
        try {
            while (count < workers) {
                int worker = count;
                Thread thread = Thread.ofPlatform().name(namePrefix + worker).daemon(true).unstarted(() -> {
                    try {
                        body.accept(worker);
                    } catch (Throwable t) {
                        onFailure.accept(t);
                    }
                });
                thread.start();
                started[count++] = thread;
            }
        } catch (RuntimeException | Error e) {
            onFailure.accept(e);
        } finally {
            Uninterruptibly.joinAll(started, count, onInterrupt);
        }
    }
}
