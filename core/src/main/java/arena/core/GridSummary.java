package arena.core;

/**
 * The figures the golden files record for a grid. Immutable.
 *
 * @param sha256      SHA-256 of the counts in the golden format
 * @param sum         sum of all counts
 * @param countAtNMax cells whose count equals n_max
 * @param fraction    countAtNMax / cells
 * @param min         smallest count
 * @param max         largest count
 */
public record GridSummary(String sha256, long sum, long countAtNMax, double fraction, int min, int max) {

    /** Summarises {@code grid} for the iteration cap {@code nMax}, sequentially. */
    public static GridSummary of(CountGrid grid, int nMax) {
        long atMax = grid.countEqual(nMax);
        return new GridSummary(grid.sha256(), grid.sum(), atMax, Fraction.of(atMax, grid.cellCount()), grid.min(), grid.max());
    }
}
