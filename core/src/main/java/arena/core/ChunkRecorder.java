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
     * @param worker      the worker's name (its thread's, or its node's for remote workers)
     * @param rows        the chunk's rows
     * @param startNanos  {@link System#nanoTime()} before the kernel ran
     * @param endNanos    {@link System#nanoTime()} after it returned
     * @param iterations  the sum of the chunk's counts: the work it took, independent of timing
     */
    void record(String worker, RowRange rows, long startNanos, long endNanos, long iterations);
}
