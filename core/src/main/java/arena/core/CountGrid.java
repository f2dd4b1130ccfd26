package arena.core;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The escape counts of a whole grid: {@code size * size} int32 cells, row-major, row index = real
 * axis (cell {@code (i, j)} at {@code i * size + j}).
 *
 * <p>A grid is built by a {@link GridJob} and is not changed after {@link GridJob#finish()} hands it
 * out; from then on it is safe to read from any thread that received it through a happens-before
 * edge (a return value, a future, a message).
 */
public final class CountGrid {

    private final int size;
    private final int[] cells;

    /**
     * Wraps {@code cells} without copying; the caller gives up the array.
     *
     * @throws IllegalArgumentException when {@code cells.length != size * size}
     */
    public CountGrid(int size, int[] cells) {
        if (size < 1 || (long) size * size != cells.length) {
            throw new IllegalArgumentException("a grid of size " + size + " needs " + ((long) size * size)
                    + " cells, got " + cells.length);
        }
        this.size = size;
        this.cells = cells;
    }

    /** Cells per side. */
    public int size() {
        return size;
    }

    /** Number of cells, {@code size * size}. */
    public int cellCount() {
        return cells.length;
    }

    /** The count of cell {@code (row, column)}. */
    public int get(int row, int column) {
        return cells[row * size + column];
    }

    /** The sum of all counts. */
    public long sum() {
        long sum = 0;
        for (int c : cells) {
            sum += c;
        }
        return sum;
    }

    /** The smallest count. */
    public int min() {
        int min = Integer.MAX_VALUE;
        for (int c : cells) {
            min = Math.min(min, c);
        }
        return min;
    }

    /** The largest count. */
    public int max() {
        int max = Integer.MIN_VALUE;
        for (int c : cells) {
            max = Math.max(max, c);
        }
        return max;
    }

    /** How many cells hold exactly {@code value}. */
    public long countEqual(int value) {
        return countEqualInRows(value, 0, size);
    }

    /**
     * How many cells of rows {@code [rowStart, rowEnd)} hold exactly {@code value}: the piece of the
     * fraction's reduction that each worker of a parallel strategy computes.
     */
    public long countEqualInRows(int value, int rowStart, int rowEnd) {
        long count = 0;
        for (int k = rowStart * size, end = rowEnd * size; k < end; k++) {
            if (cells[k] == value) {
                count++;
            }
        }
        return count;
    }

    /** A copy of row {@code row}'s counts. */
    public int[] row(int row) {
        int[] copy = new int[size];
        System.arraycopy(cells, row * size, copy, 0, size);
        return copy;
    }

    /** The SHA-256 of the counts as little-endian int32, row-major, no header; lowercase hex. */
    public String sha256() {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
        for (int c : cells) {
            if (!buffer.hasRemaining()) {
                buffer.flip();
                digest.update(buffer);
                buffer.clear();
            }
            buffer.putInt(c);
        }
        buffer.flip();
        digest.update(buffer);
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The first cell (row-major order) where {@code actual} differs from {@code expected}, with the
     * number of differing cells; empty when the grids are identical.
     *
     * @throws IllegalArgumentException when the grids differ in size
     */
    public static Optional<GridDifference> difference(CountGrid expected, CountGrid actual) {
        if (expected.size != actual.size) {
            throw new IllegalArgumentException("grids differ in size: expected " + expected.size + ", got " + actual.size);
        }
        int first = -1;
        long differing = 0;
        for (int k = 0; k < expected.cells.length; k++) {
            if (expected.cells[k] != actual.cells[k]) {
                if (first < 0) {
                    first = k;
                }
                differing++;
            }
        }
        if (first < 0) {
            return Optional.empty();
        }
        int size = expected.size;
        return Optional.of(new GridDifference(first / size, first % size, expected.cells[first], actual.cells[first], differing));
    }
}
