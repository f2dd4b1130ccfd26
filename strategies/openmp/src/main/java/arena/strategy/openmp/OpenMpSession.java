package arena.strategy.openmp;

import arena.core.CountGrid;
import arena.core.problem.JuliaParams;

/**
 * One strategy's native state: a cancel flag the native loops poll and an off-heap grid buffer.
 *
 * <p>Threading: {@link #julia}, {@link #countEqual} and {@link #close} run on the strategy's own
 * caller thread only (libgomp keeps a thread team per calling thread; {@code close} ends it with
 * {@code arena_close}). {@link #cancel} and {@link #clearCancel} may be called from any thread: they
 * write the flag with volatile semantics, and a loop in progress sees a set flag at its next poll.
 */
interface OpenMpSession extends AutoCloseable {

    /**
     * Computes every row of {@code params}' grid with OpenMP into {@code counts} (copied from the
     * off-heap buffer) and returns the number of cells at {@code n_max}, reduced by OpenMP.
     *
     * @param kernel   {@link NativeKernel#code()}
     * @param schedule 0 static, 1 dynamic, 2 guided, for {@code omp_set_schedule}
     * @param chunk    the schedule's chunk, 0 for static's default blocks
     * @param rowTimes null, or {@link NativeRowTimes#forRows} of the grid's rows, filled with every row's thread and times
     * @throws NativeFailure on a non-zero status ({@link NativeFailure#CANCELLED} after {@link #cancel})
     */
    long julia(JuliaParams params, int kernel, int threads, int schedule, int chunk, int[] counts, long[] rowTimes);

    /** The cells of {@code grid} equal to {@code value}, counted by an OpenMP reduction over {@code threads}. */
    long countEqual(CountGrid grid, int value, int threads);

    /** Sets the cancel flag. */
    void cancel();

    /** Clears the cancel flag, before a call. */
    void clearCancel();

    /** Ends libgomp's thread teams ({@code arena_close}) and frees the native memory; idempotent. */
    @Override
    void close();
}
