package arena.core;

import arena.core.problem.Complex;
import arena.core.problem.JuliaParams;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The fraction's count in row blocks: one block per worker at most, and the exact whole-grid count. */
class BlockCountsTest {

    private static final JuliaParams PROBLEM = JuliaParams.of(30, new Complex(-0.7, 0.27)).withNMax(200);

    @Test
    void blocks_addUpToTheWholeGridsCount_forAnyNumberOfWorkers() {
        CountGrid grid = grid();
        long whole = grid.countEqual(PROBLEM.nMax());
        for (int workers : new int[] {1, 2, 3, 7, grid.size(), grid.size() + 5}) {
            BlockCounts blocks = new BlockCounts(grid, PROBLEM.nMax(), workers);
            long counted = 0;
            for (int block = blocks.size() - 1; block >= 0; block--) {
                counted += blocks.count(block);
            }

            assertThat(blocks.size()).as("blocks for %d workers", workers).isEqualTo(Math.min(workers, grid.size()));
            assertThat(counted).as("counts returned for %d workers", workers).isEqualTo(whole);
            assertThat(blocks.sum()).as("slots summed for %d workers", workers).isEqualTo(whole);
        }
        assertThat(whole).as("the problem has cells at n_max").isPositive();
    }

    private static CountGrid grid() {
        GridJob job = new GridJob("reference", PROBLEM, Execution.reference(), 1);
        job.compute(new RowRange(0, PROBLEM.size()));
        return job.finish();
    }
}
