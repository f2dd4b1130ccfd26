package arena.core.concurrent;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * A thread factory for a strategy's pool that names its threads {@code <prefix>-1},
 * {@code <prefix>-2}, ... and remembers them, so that closing the strategy can wait until each has
 * really ended rather than only asked it to stop. Threads are daemons unless the maker says otherwise.
 *
 * <p>Thread-safe: a pool calls {@link #newThread} from any thread; {@link #awaitEnd} is called by the
 * thread closing the strategy, after the pool has been shut down.
 */
public final class TrackedThreads implements ThreadFactory {

    private final String prefix;
    private final BiFunction<Runnable, String, Thread> maker;
    private final AtomicInteger made = new AtomicInteger();
    private final Queue<Thread> threads = new ConcurrentLinkedQueue<>();

    /** A factory for daemon threads named {@code prefix-N}. */
    public TrackedThreads(String prefix) {
        this(prefix, (task, name) -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * A factory whose threads {@code maker} builds from a task and a name (for a thread class of a
     * library's own, such as Reactor's non-blocking marker).
     */
    public TrackedThreads(String prefix, BiFunction<Runnable, String, Thread> maker) {
        this.prefix = prefix;
        this.maker = maker;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = maker.apply(task, prefix + "-" + made.incrementAndGet());
        threads.add(thread);
        return thread;
    }

    /**
     * Waits up to {@code timeout} for every thread made so far to end; an interrupt does not end the
     * wait, and the caller keeps its interrupt flag.
     *
     * @return the names of the threads still alive, empty when all have ended
     */
    public List<String> awaitEnd(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Uninterruptibly.await(() -> {
            for (Thread thread : threads) {
                long left;
                while (thread.isAlive() && (left = deadline - System.nanoTime()) > 0) {
                    thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            }
            return null;
        }, () -> { });
        return threads.stream().filter(Thread::isAlive).map(Thread::getName).toList();
    }

    /**
     * Waits up to {@code timeout} for every thread made so far to end, as {@link #awaitEnd}.
     *
     * @throws IllegalStateException naming {@code owner} and the threads still alive after the timeout
     */
    public void requireEnded(Duration timeout, String owner) {
        List<String> alive = awaitEnd(timeout);
        if (!alive.isEmpty()) {
            throw new IllegalStateException("threads of " + owner + " still alive " + timeout.toSeconds() + " s after close: " + alive);
        }
    }
}
