package arena.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A {@link ChunkRecorder} that keeps every chunk of a run, for the per-worker timeline: who computed
 * what and when, and the summary a user reads to see why a model is slow (which worker idled, how
 * uneven the work was, what the join cost).
 *
 * <p>Threading: workers call {@link #record} concurrently (a lock-free queue); {@link #chunks()} and
 * {@link #summary} are called by the run's caller after the run has returned.
 */
public final class Timeline implements ChunkRecorder {

    /**
     * One computed chunk. Immutable. A chunk computed in this JVM was never in flight: it was "sent"
     * when it started and "received" when it ended; a remote one (see
     * {@link ChunkRecorder#recordRemote}) was sent before it started and received after it ended.
     */
    public record Chunk(String worker, RowRange rows, long startNanos, long endNanos, long iterations, long sentNanos,
                        long receivedNanos) {
        /** A chunk computed in this JVM, from {@code startNanos} to {@code endNanos}. */
        public Chunk(String worker, RowRange rows, long startNanos, long endNanos, long iterations) {
            this(worker, rows, startNanos, endNanos, iterations, startNanos, endNanos);
        }

        /** How long the chunk took. */
        public long nanos() {
            return endNanos - startNanos;
        }

        /** How long the chunk was in flight (network and the remote node's queue) and not computing; 0 for a local one. */
        public long inFlightNanos() {
            return Math.max(0, receivedNanos - sentNanos - nanos());
        }
    }

    /**
     * One worker's share of a run. Immutable.
     *
     * @param inFlightNanos the sum of its chunks' {@link Chunk#inFlightNanos()}: 0 for a worker in this JVM
     */
    public record WorkerShare(String worker, int chunks, long busyNanos, long iterations, long inFlightNanos) {
        /** A share with no time in flight. */
        public WorkerShare(String worker, int chunks, long busyNanos, long iterations) {
            this(worker, chunks, busyNanos, iterations, 0);
        }

        /** The node of a remote worker, named {@code node/thread}; the whole name for any other. */
        public String node() {
            int slash = worker.indexOf('/');
            return slash < 0 ? worker : worker.substring(0, slash);
        }
    }

    /**
     * What a timeline says about a run. Immutable.
     *
     * @param workers        every worker that computed at least one chunk, by name
     * @param wallNanos      from the run's start to its result
     * @param imbalance      max busy time / mean busy time over the workers (1 = perfectly even)
     * @param iterationImbalance max iterations / mean iterations over the workers: the same on work,
     *                       independent of timing
     * @param idleShare      the share of {@code threads * wall} the workers were not computing
     * @param joinNanos      from the last chunk's end (its arrival, for a remote one) to the result: the model's join cost
     */
    public record Summary(List<WorkerShare> workers, long wallNanos, double imbalance, double iterationImbalance,
                          double idleShare, long joinNanos) {

        /**
         * The time chunks spent in flight (network and queue, not computing) per node, summed over
         * its threads, for the nodes whose chunks were in flight at all (remote workers); by node.
         */
        public Map<String, Long> inFlightByNode() {
            Map<String, Long> byNode = new TreeMap<>();
            for (WorkerShare share : workers) {
                if (share.inFlightNanos() > 0) {
                    byNode.merge(share.node(), share.inFlightNanos(), Long::sum);
                }
            }
            return byNode;
        }
    }

    private final ConcurrentLinkedQueue<Chunk> chunks = new ConcurrentLinkedQueue<>();

    @Override
    public void record(String worker, RowRange rows, long startNanos, long endNanos, long iterations) {
        chunks.add(new Chunk(worker, rows, startNanos, endNanos, iterations));
    }

    @Override
    public void recordRemote(String worker, RowRange rows, long sentNanos, long startNanos, long endNanos, long receivedNanos,
            long iterations) {
        chunks.add(new Chunk(worker, rows, startNanos, endNanos, iterations, sentNanos, receivedNanos));
    }

    /** Every chunk recorded so far, by start time. */
    public List<Chunk> chunks() {
        List<Chunk> all = new ArrayList<>(chunks);
        all.sort(Comparator.comparingLong(Chunk::startNanos));
        return all;
    }

    /**
     * Summarises the run that started at {@code runStartNanos} and returned its result at
     * {@code resultNanos} with {@code threads} workers.
     */
    public Summary summary(long runStartNanos, long resultNanos, int threads) {
        Map<String, long[]> byWorker = new TreeMap<>();
        long lastEnd = runStartNanos;
        for (Chunk chunk : chunks) {
            long[] share = byWorker.computeIfAbsent(chunk.worker(), w -> new long[4]);
            share[0]++;
            share[1] += chunk.nanos();
            share[2] += chunk.iterations();
            share[3] += chunk.inFlightNanos();
            lastEnd = Math.max(lastEnd, chunk.receivedNanos());
        }
        List<WorkerShare> workers = new ArrayList<>();
        long busy = 0;
        long maxBusy = 0;
        long iterations = 0;
        long maxIterations = 0;
        for (Map.Entry<String, long[]> entry : byWorker.entrySet()) {
            long[] s = entry.getValue();
            workers.add(new WorkerShare(entry.getKey(), (int) s[0], s[1], s[2], s[3]));
            busy += s[1];
            maxBusy = Math.max(maxBusy, s[1]);
            iterations += s[2];
            maxIterations = Math.max(maxIterations, s[2]);
        }
        int lanes = Math.max(threads, workers.size());
        long wall = Math.max(1, resultNanos - runStartNanos);
        double meanBusy = workers.isEmpty() ? 0 : busy / (double) lanes;
        double meanIterations = workers.isEmpty() ? 0 : iterations / (double) lanes;
        return new Summary(List.copyOf(workers), wall,
                meanBusy == 0 ? 1 : maxBusy / meanBusy,
                meanIterations == 0 ? 1 : maxIterations / meanIterations,
                Math.max(0, 1 - busy / ((double) lanes * wall)),
                Math.max(0, resultNanos - lastEnd));
    }
}
