package arena.strategy.forkjoin;

import arena.core.CountGrid;
import arena.core.Schedule;
import java.util.concurrent.RecursiveTask;

/**
 * The fraction's reduction in ForkJoin's idiom: the rows are halved down to bands of at most
 * {@code leafRows} rows, each leaf counts its cells equal to {@code value} with
 * {@link CountGrid#countEqualInRows}, and the partial counts are summed on the way back up. Integer
 * sums, so the result is exact whatever the split.
 *
 * <p>Threading: runs in a {@link java.util.concurrent.ForkJoinPool}; only reads the grid, which the
 * submission made visible to the pool's threads.
 */
final class CountEqualTask extends RecursiveTask<Long> {

    /** Leaves per worker: a few, so that a slow worker's share is stolen by the others. */
    private static final int LEAVES_PER_WORKER = 4;

    private final CountGrid grid;
    private final int value;
    private final int leafRows;
    private final int start;
    private final int end;

    private CountEqualTask(CountGrid grid, int value, int leafRows, int start, int end) {
        this.grid = grid;
        this.value = value;
        this.leafRows = leafRows;
        this.start = start;
        this.end = end;
    }

    /** Counts the whole grid, in about {@code 4 * workers} leaves. */
    static CountEqualTask whole(CountGrid grid, int value, int workers) {
        int leafRows = Math.max(1, Math.ceilDiv(grid.size(), LEAVES_PER_WORKER * workers));
        return new CountEqualTask(grid, value, leafRows, 0, grid.size());
    }

    @Override
    protected Long compute() {
        if (end - start <= leafRows) {
            return grid.countEqualInRows(value, start, end);
        }
        int middle = Schedule.Split.middle(start, end);
        CountEqualTask left = new CountEqualTask(grid, value, leafRows, start, middle);
        left.fork();
        long right = new CountEqualTask(grid, value, leafRows, middle, end).compute();
        return right + left.join();
    }
}
