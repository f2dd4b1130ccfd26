package arena.core;

import arena.core.concurrent.InFlight;
import arena.core.concurrent.TaskStarter;
import java.util.function.IntToLongFunction;

/**
 * The fraction's count cut into contiguous row blocks, one per worker (a {@code static} plan), for a
 * strategy that counts each block in a task of its own: {@link #count} counts a block and keeps the
 * result in the block's own slot, {@link #sum()} adds the slots in block order. Integer sums, so the
 * total is exact whatever runs which block.
 *
 * <p>Threading: {@link #count} is called by any number of workers at once, each block by exactly one;
 * {@link #sum()} by the caller after every count has ended and that end has been made visible to it
 * (a join, a future, a released permit).
 */
public final class BlockCounts {

    private final CountGrid grid;
    private final int value;
    private final ChunkPlan blocks;
    private final long[] slots;

    /** The count of {@code grid}'s cells equal to {@code value}, in {@code workers} row blocks. */
    public BlockCounts(CountGrid grid, int value, int workers) {
        this.grid = grid;
        this.value = value;
        this.blocks = new Schedule.Static(0).plan(grid.size(), workers);
        this.slots = new long[blocks.size()];
    }

    /** The number of blocks; at most the number of workers, never more than the grid's rows. */
    public int size() {
        return blocks.size();
    }

    /** Counts block {@code block}, keeps the result in its slot and returns it. */
    public long count(int block) {
        RowRange rows = blocks.chunk(block);
        long count = grid.countEqualInRows(value, rows.start(), rows.end());
        slots[block] = count;
        return count;
    }

    /**
     * Hands a task per block to {@code starter}, in block order, each counting its block with
     * {@link #count}. An exception of the starter (a pool that refused a task) propagates, and no
     * further task is handed out.
     */
    public <X extends Exception> void startEach(TaskStarter<X> starter) throws X {
        for (int b = 0; b < slots.length; b++) {
            int block = b;
            starter.start(() -> count(block));
        }
    }

    /**
     * {@link #count} as one unit of work of {@code counting} each: a block that {@code counting}
     * refuses (the run is stopped) is not counted and gives 0.
     */
    public IntToLongFunction countingIn(InFlight counting) {
        IntToLongFunction count = this::count;
        return block -> counting.apply(count, block, 0L);
    }

    /** The blocks' counts added in block order. */
    public long sum() {
        long sum = 0;
        for (long slot : slots) {
            sum += slot;
        }
        return sum;
    }
}
