package arena.core;

/**
 * Computes the escape counts of a band of grid rows. Kernels are separate from strategies: a
 * strategy decides who computes which rows and when; a kernel computes cells. Any kernel runs under
 * any strategy, and every kernel must give counts bit-identical to {@link ScalarKernel}, the
 * golden contract written literally.
 *
 * <p>Threading: {@link #computeRows} may be called concurrently from many threads on the same
 * {@code counts} array for disjoint row ranges; an implementation writes only the cells of its rows,
 * touches no shared mutable state and allocates nothing per cell. Making the written cells visible to
 * another thread is the caller's business (a join, a future, a message).
 */
public interface Kernel {

    /** The kernel's stable name, as {@code --kernel} spells it, e.g. {@code scalar}. */
    String name();

    /**
     * Writes the counts of rows {@code [rowStart, rowEnd)} of {@code params}' grid into
     * {@code counts}, row-major with {@code params.size()} cells per row.
     */
    void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd);
}
