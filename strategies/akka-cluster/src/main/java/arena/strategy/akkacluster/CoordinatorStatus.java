package arena.strategy.akkacluster;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the coordinator actor lets the outside see while it runs: how many workers are listed, and
 * for the current (or last) run how many chunks are done, by which worker, and when a lost worker's
 * chunks were first handed out again. Written by the coordinator actor, read by any thread (the
 * strategy while opening, tests while a run goes on). Thread-safe.
 */
final class CoordinatorStatus {

    private volatile int workers;
    private final AtomicInteger chunksDone = new AtomicInteger();
    private final AtomicInteger chunksRequeued = new AtomicInteger();
    private final AtomicLong firstRequeueNanos = new AtomicLong();
    private final Map<String, Integer> chunksByWorker = new ConcurrentHashMap<>();

    /** The number of reachable worker nodes the coordinator knows. */
    int workers() {
        return workers;
    }

    /** Chunks completed so far in the current or last run. */
    int chunksDone() {
        return chunksDone.get();
    }

    /** Chunks of lost workers handed out again in the current or last run. */
    int chunksRequeued() {
        return chunksRequeued.get();
    }

    /** {@link System#nanoTime()} when a lost worker's chunks were first put back in this run, or 0. */
    long firstRequeueNanos() {
        return firstRequeueNanos.get();
    }

    /** Chunks completed in the current or last run by each worker ({@code host:port}), sorted by address. */
    Map<String, Integer> chunksByWorker() {
        return new TreeMap<>(chunksByWorker);
    }

    void workers(int count) {
        workers = count;
    }

    void runStarted() {
        chunksDone.set(0);
        chunksRequeued.set(0);
        firstRequeueNanos.set(0);
        chunksByWorker.clear();
    }

    void chunkDone(String worker) {
        chunksDone.incrementAndGet();
        if (worker != null) {
            chunksByWorker.merge(worker, 1, Integer::sum);
        }
    }

    void requeued(int chunks) {
        if (chunks > 0) {
            firstRequeueNanos.compareAndSet(0, System.nanoTime());
            chunksRequeued.addAndGet(chunks);
        }
    }
}
