package arena.strategy.openmp;

import arena.core.ChunkRecorder;
import arena.core.CountGrid;
import arena.core.RowRange;

/**
 * The per-row times {@code arena_julia} writes when a run is recorded, and how they become the
 * timeline's chunks. The rule: one chunk per row, its worker {@code arena-openmp-<n>} for the OpenMP
 * thread number {@code n} that computed it (0 is the calling thread), from when that thread took the
 * row to when it took its next one, or, for its last row, to when it had finished all its rows. The
 * times are {@code CLOCK_MONOTONIC}, the clock of {@link System#nanoTime()} on Linux. With
 * {@code c-scalar} a row's interval is exactly its computation. {@code c-avx512} carries a row's
 * slowest points in its lanes into the same thread's later rows and finishes them after its last, so
 * there a row's interval is the thread's work between taking it and taking the next: a thread's
 * chunks still tile its busy time, and each chunk's iterations are its own row's counts.
 *
 * <p>Threading: used by the strategy's caller thread only, after the native call has returned.
 */
final class NativeRowTimes {

    /** Longs per row: thread number, start and end nanoseconds. */
    static final int LONGS_PER_ROW = 3;

    private NativeRowTimes() {
    }

    /** A buffer for the times of {@code rows} rows. */
    static long[] forRows(int rows) {
        return new long[rows * LONGS_PER_ROW];
    }

    /** Hands every row of {@code grid} to {@code recorder} by the rule above; {@code times} holds every row's. */
    static void report(long[] times, CountGrid grid, ChunkRecorder recorder) {
        for (int row = 0; row < grid.size(); row++) {
            int at = row * LONGS_PER_ROW;
            long iterations = 0;
            for (int count : grid.row(row)) {
                iterations += count;
            }
            recorder.record("arena-openmp-" + times[at], new RowRange(row, row + 1), times[at + 1], times[at + 2], iterations);
        }
    }
}
