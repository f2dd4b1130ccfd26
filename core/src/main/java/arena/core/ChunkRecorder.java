package arena.core;

/**
 * Receives one event per computed chunk when a run is recorded (for the per-worker timeline): which
 * worker computed which rows, when, and how many escape iterations they took. Off by default
 * ({@link Execution#recorder()} is null), and then nothing is measured or allocated per chunk.
 *
 * <p>Threading: {@link #record} is called by the workers themselves, concurrently, right after each
 * chunk; implementations must be thread-safe and cheap.
 */
@FunctionalInterface
public interface ChunkRecorder {

    /**
     * One computed chunk.
     *
     * @param worker      the worker's name (its thread's; for a remote worker, {@code node/thread})
     * @param rows        the chunk's rows
     * @param startNanos  {@link System#nanoTime()} before the kernel ran
     * @param endNanos    {@link System#nanoTime()} after it returned
     * @param iterations  the sum of the chunk's counts: the work it took, independent of timing
     */
    void record(String worker, RowRange rows, long startNanos, long endNanos, long iterations);

    /**
     * One chunk computed on another node, its times on this JVM's {@link System#nanoTime()} clock:
     * it was sent at {@code sentNanos}, computed from {@code startNanos} to {@code endNanos} (placed
     * on this clock from the durations the node measured on its own) and its last rows arrived at
     * {@code receivedNanos}; the rest of {@code sentNanos..receivedNanos} was in flight (network and
     * the node's queue). A recorder that keeps no in-flight time records the compute part alone,
     * as {@link #record}.
     */
    default void recordRemote(String worker, RowRange rows, long sentNanos, long startNanos, long endNanos, long receivedNanos,
            long iterations) {
        record(worker, rows, startNanos, endNanos, iterations);
    }
}
