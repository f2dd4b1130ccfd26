package arena.strategy.rxjava;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the threads of the strategy's pool and remembers them, so that closing the strategy can wait
 * until each has really ended rather than only asked it to stop. The threads are daemons named
 * {@code <prefix>-1}, {@code <prefix>-2}, ...
 *
 * <p>Thread-safe: the pool calls {@link #newThread} from any thread; {@link #awaitEnd} is called by
 * the thread closing the strategy, after the pool has been shut down.
 */
final class RailThreads implements ThreadFactory {

    private final String prefix;
    private final AtomicInteger made = new AtomicInteger();
    private final Queue<Thread> threads = new ConcurrentLinkedQueue<>();

    /** A factory for threads named {@code prefix-N}. */
    RailThreads(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, prefix + "-" + made.incrementAndGet());
        thread.setDaemon(true);
        threads.add(thread);
        return thread;
    }

    /**
     * Waits up to {@code timeout} for every thread made so far to end.
     *
     * @return the names of the threads still alive, empty when all have ended
     */
    List<String> awaitEnd(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return threads.stream().filter(Thread::isAlive).map(Thread::getName).toList();
    }
}
