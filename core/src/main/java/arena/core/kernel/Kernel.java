package arena.core.kernel;

import arena.core.concurrent.StopSignal;
import arena.core.problem.JuliaParams;

/**
 * Computes the escape counts of a band of grid rows. Kernels are separate from strategies: a
 * strategy decides who computes which rows and when; a kernel computes cells. Any kernel runs under
 * any strategy, and every kernel must give counts bit-identical to {@link ScalarKernel}, the
 * golden contract written literally.
 *
 * <p>Cancellation: {@link #computeRows(JuliaParams, int[], int, int, StopSignal)} polls one shared
 * {@link StopSignal} inside its escape loops, at least once per {@link StopSignal#POLL_UPDATES}
 * updates of the pixels in flight (so one interior pixel at {@code n_max = 2^31-1} cannot hold it
 * for seconds); other work between two polls is bounded by the band's width, not by
 * {@code n_max}. Once the signal is raised it returns {@code false} promptly, with some cells of
 * its band unwritten or stale: the caller must then discard the whole grid ({@code GridJob} never
 * hands it out). The built-in kernels poll; a kernel that only implements the four-argument form
 * (test kernels, wrappers) computes its whole band and is stopped between bands by its caller.
 *
 * <p>Threading: {@code computeRows} may be called concurrently from many threads on the same
 * {@code counts} array for disjoint row ranges; an implementation writes only the cells of its rows,
 * reads no shared mutable state but the stop signal, and allocates nothing per cell. Making the
 * written cells visible to another thread is the caller's business (a join, a future, a message).
 */
public interface Kernel {

    /** The kernel's stable name, as {@code --kernel} spells it, e.g. {@code scalar}. */
    String name();

    /**
     * Writes the counts of rows {@code [rowStart, rowEnd)} of {@code params}' grid into
     * {@code counts}, row-major with {@code params.size()} cells per row; always the whole band
     * (the polling kernels call the five-argument form with {@link StopSignal#NEVER}).
     */
    void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd);

    /**
     * As {@link #computeRows(JuliaParams, int[], int, int)}, but stops early once {@code stop} is
     * raised (see the class comment for how often it is polled).
     *
     * @return {@code true} when every cell of the band was written; {@code false} when the kernel
     *         stopped early because {@code stop} was raised (then the band is incomplete)
     */
    default boolean computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd, StopSignal stop) {
        computeRows(params, counts, rowStart, rowEnd);
        return true;
    }
}
