package arena.core;

/**
 * A band of grid rows {@code [start, end)}: the unit of work a schedule hands out. Immutable.
 *
 * @param start first row, &gt;= 0
 * @param end   one past the last row, &gt; start
 */
public record RowRange(int start, int end) {

    /** Rejects empty and negative ranges. */
    public RowRange {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("a row range needs 0 <= start < end, got [" + start + ", " + end + ")");
        }
    }

    /** Number of rows in the band. */
    public int rows() {
        return end - start;
    }

    @Override
    public String toString() {
        return "[" + start + ", " + end + ")";
    }
}
