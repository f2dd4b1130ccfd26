package arena.strategy.reactor;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.scheduler.NonBlocking;

/**
 * Makes the threads of the strategy's parallel scheduler and remembers them, so that closing the
 * strategy can wait until each has really ended rather than only asked it to stop. The threads are
 * daemons named {@code <prefix>-1}, {@code <prefix>-2}, ... and are marked {@link NonBlocking}, as the
 * threads of Reactor's own parallel scheduler are: Reactor then refuses a {@code block()} on them, so
 * no operator of the pipeline can block a rail.
 *
 * <p>Thread-safe: the scheduler's executors call {@link #newThread} from any thread; {@link #awaitEnd}
 * is called by the thread closing the strategy, after the scheduler has been disposed.
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
        Thread thread = new RailThread(task, prefix + "-" + made.incrementAndGet());
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

    /** A daemon scheduler thread that Reactor treats as non-blocking. */
    private static final class RailThread extends Thread implements NonBlocking {
        RailThread(Runnable task, String name) {
            super(task, name);
            setDaemon(true);
        }
    }
}
