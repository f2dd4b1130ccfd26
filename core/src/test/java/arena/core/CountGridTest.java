package arena.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountGridTest {

    @Test
    void sha256_hashesLittleEndianInt32RowMajor() {
        // sha256 of the 16 bytes 01 00 00 00 02 00 00 00 03 00 00 00 04 00 00 00
        CountGrid grid = new CountGrid(2, new int[] {1, 2, 3, 4});
        assertThat(grid.sha256()).isEqualTo("cf97adeedb59e05bfd73a2b4c2a8885708c4f4f70c84c64b27120e72ab733b72");
        assertThat(grid.get(1, 0)).isEqualTo(3);
    }

    @Test
    void difference_reportsTheFirstDifferingCellAndHowManyDiffer() {
        CountGrid expected = new CountGrid(3, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8});
        CountGrid actual = new CountGrid(3, new int[] {0, 1, 2, 3, 9, 5, 6, 7, 0});
        assertThat(CountGrid.difference(expected, actual)).contains(new GridDifference(1, 1, 4, 9, 2));
        assertThat(CountGrid.difference(expected, expected)).isEmpty();
        assertThat(new GridDifference(1, 1, 4, 9, 2).toString())
                .isEqualTo("first difference at row 1, column 1: expected 4, got 9 (2 cells differ)");
    }

    @Test
    void reductions_countSumMinMaxAndRowBands() {
        CountGrid grid = new CountGrid(3, new int[] {5, 1, 5, 3, 5, 5, 0, 7, 5});
        assertThat(grid.sum()).isEqualTo(36);
        assertThat(grid.min()).isZero();
        assertThat(grid.max()).isEqualTo(7);
        assertThat(grid.countEqual(5)).isEqualTo(5);
        assertThat(grid.countEqualInRows(5, 1, 3)).isEqualTo(3);
        assertThat(Fraction.of(grid.countEqual(5), grid.cellCount())).isEqualTo(5.0 / 9.0);
    }
}
