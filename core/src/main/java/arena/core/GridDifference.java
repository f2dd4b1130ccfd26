package arena.core;

/**
 * Where two grids first differ (row-major order) and how many cells differ in all. Immutable.
 *
 * @param row            the first differing cell's row (real axis)
 * @param column         its column (imaginary axis)
 * @param expected       the reference count there
 * @param actual         the count found there
 * @param differingCells how many cells differ in the whole grid
 */
public record GridDifference(int row, int column, int expected, int actual, long differingCells) {

    @Override
    public String toString() {
        return "first difference at row " + row + ", column " + column + ": expected " + expected + ", got "
                + actual + " (" + differingCells + " cell" + (differingCells == 1 ? "" : "s") + " differ)";
    }
}
