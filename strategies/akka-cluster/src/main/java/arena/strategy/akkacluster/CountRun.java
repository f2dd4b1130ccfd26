package arena.strategy.akkacluster;

import akka.actor.typed.ActorRef;
import arena.core.ChunkPlan;
import arena.core.CountGrid;
import arena.core.RowRange;
import arena.core.Schedule;
import arena.strategy.akkacluster.Protocol.ChunkDone;
import arena.strategy.akkacluster.Protocol.CountRows;
import arena.strategy.akkacluster.Protocol.WorkerCommand;
import arena.strategy.akkacluster.Protocol.WorkerReply;

/**
 * A count of the cells of a grid equal to a value, done on the workers: the grid's rows are
 * shipped to them in bands of {@link Protocol#rowsPerPart} rows and each band's count comes back;
 * the first answer for a band wins. Used only for a grid the strategy did not just compute (see
 * {@link AkkaClusterStrategy#fraction}). Threading: see {@link Run}.
 */
final class CountRun extends Run {

    private final CountGrid grid;
    private final int value;
    private ChunkPlan plan;
    private boolean[] done;
    private long count;

    CountRun(long job, CountGrid grid, int value) {
        super(job);
        this.grid = grid;
        this.value = value;
    }

    @Override
    ChunkPlan begin(int slots) {
        plan = new Schedule.Dynamic(Protocol.rowsPerPart(grid.size())).plan(grid.size(), slots);
        done = new boolean[plan.size()];
        return plan;
    }

    @Override
    WorkerCommand command(int chunk, ActorRef<WorkerReply> replyTo) {
        RowRange band = plan.chunk(chunk);
        int size = grid.size();
        int[] cells = new int[band.rows() * size];
        for (int row = band.start(); row < band.end(); row++) {
            System.arraycopy(grid.row(row), 0, cells, (row - band.start()) * size, size);
        }
        return new CountRows(job(), chunk, value, cells, replyTo);
    }

    @Override
    boolean accept(ChunkDone part) {
        if (part.chunk() < 0 || part.chunk() >= plan.size()) {
            throw new IllegalStateException("a worker answered band " + part.chunk() + " of " + plan.size());
        }
        if (done[part.chunk()]) {
            return false;
        }
        done[part.chunk()] = true;
        count += part.countEqual();
        return true;
    }

    /** The number of cells equal to the value; valid once every band is counted. */
    long count() {
        return count;
    }
}
