package arena.core.concurrent;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pools strategies own, made and closed the same way everywhere. Stateless; thread-safe.
 */
public final class Pools {

    /** How long {@link #shutdownAndAwait} waits for a pool's threads to end. */
    public static final long CLOSE_TIMEOUT_SECONDS = 30;

    private static final long IDLE_KEEP_ALIVE_SECONDS = 60;

    private Pools() {
    }

    /**
     * A private {@link ForkJoinPool} of exactly {@code threads} workers named {@code <prefix>1},
     * {@code <prefix>2}, ... (daemons, as the default factory makes them). It never adds spare threads
     * to make up for a worker blocked in a join, so no more than {@code threads} workers ever compute
     * at once; unlike the common pool its size is the run's, and its threads can be named, counted
     * and shut down.
     */
    public static ForkJoinPool forkJoin(String prefix, int threads) {
        AtomicInteger created = new AtomicInteger();
        ForkJoinPool.ForkJoinWorkerThreadFactory named = pool -> {
            ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            thread.setName(prefix + created.incrementAndGet());
            return thread;
        };
        return new ForkJoinPool(threads, named, null, false, 0, threads, 1, saturated -> true, IDLE_KEEP_ALIVE_SECONDS,
                TimeUnit.SECONDS);
    }

    /**
     * Shuts {@code pool} down now and waits up to {@link #CLOSE_TIMEOUT_SECONDS} for its threads to
     * end; idempotent. An interrupt while waiting ends the wait and is kept on the calling thread.
     *
     * @throws IllegalStateException when the pool still runs a task after the timeout, which only a
     *                               caller breaking the one-caller-at-a-time rule can cause
     */
    public static void shutdownAndAwait(ExecutorService pool, String name) {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the " + name + " pool did not terminate within " + CLOSE_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
