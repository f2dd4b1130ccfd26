package arena.core.concurrent;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Waits that an interrupt does not end: the caller of a run must never return while a worker of the
 * run still works, so an interrupt only tells the run to stop ({@code onInterrupt}, typically a
 * cancel), the wait goes on until the workers have really ended, and the interrupt flag is set again
 * before the wait returns or throws. {@code onInterrupt} runs at most once per wait, on the waiting
 * thread, at the first interrupt; later interrupts during the same wait are absorbed.
 *
 * <p>Threading: every method blocks the calling thread only; what the awaited thread, future or
 * permits publish happens-before the wait returns, as their own blocking calls promise. Stateless.
 */
public final class Uninterruptibly {

    private Uninterruptibly() {
    }

    /** A blocking call that an interrupt ends with {@link InterruptedException}. */
    @FunctionalInterface
    public interface Wait<T, X extends Exception> {

        /** Blocks until the awaited thing is done and returns its result. */
        T await() throws InterruptedException, X;
    }

    /**
     * Calls {@code wait} until it returns or throws something other than {@link InterruptedException}
     * (which propagates). A call that an interrupt ended is simply made again, so a wait that spans
     * several things must resume where it stopped (see {@link #getAll}).
     */
    public static <T, X extends Exception> T await(Wait<T, X> wait, Runnable onInterrupt) throws X {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return wait.await();
                } catch (InterruptedException e) {
                    if (!interrupted) {
                        interrupted = true;
                        onInterrupt.run();
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Returns once {@code thread} has ended. */
    public static void join(Thread thread, Runnable onInterrupt) {
        await(() -> {
            thread.join();
            return null;
        }, onInterrupt);
    }

    /** Returns once the first {@code count} threads of {@code threads} have all ended, joined in order. */
    public static void joinAll(Thread[] threads, int count, Runnable onInterrupt) {
        int[] next = {0};
        await(() -> {
            for (; next[0] < count; next[0]++) {
                threads[next[0]].join();
            }
            return null;
        }, onInterrupt);
    }

    /**
     * Returns {@code future}'s value once it is done.
     *
     * @throws ExecutionException when its task failed
     */
    public static <T> T get(Future<T> future, Runnable onInterrupt) throws ExecutionException {
        return await(future::get, onInterrupt);
    }

    /**
     * Returns once every future in {@code futures} is done, waiting for them in list order, also
     * after a failure. A task's exception is handed to {@code onFailure} on the waiting thread,
     * unwrapped from its {@link ExecutionException}, so it is the very throwable the task threw.
     *
     * <p>No future is ever cancelled: {@link Future#cancel} makes {@code get()} return at once even
     * while the task is still running, which would break the wait-for-every-task promise. Tasks stop
     * early by checking their run instead.
     */
    public static void getAll(List<? extends Future<?>> futures, Consumer<Throwable> onFailure, Runnable onInterrupt) {
        int[] next = {0};
        await(() -> {
            for (; next[0] < futures.size(); next[0]++) {
                try {
                    futures.get(next[0]).get();
                } catch (ExecutionException e) {
                    onFailure.accept(e.getCause());
                }
            }
            return null;
        }, onInterrupt);
    }

    /** Returns once {@code permits} permits of {@code semaphore} have been acquired. */
    public static void acquire(Semaphore semaphore, int permits, Runnable onInterrupt) {
        await(() -> {
            semaphore.acquire(permits);
            return null;
        }, onInterrupt);
    }
}
