package arena.strategy.akkacluster;

import akka.actor.typed.ActorRef;
import arena.core.ChunkPlan;
import arena.core.CountGrid;
import arena.core.RowRange;
import arena.core.Schedule;
import arena.core.problem.JuliaParams;
import arena.strategy.akkacluster.Protocol.ChunkDone;
import arena.strategy.akkacluster.Protocol.ComputeChunk;
import arena.strategy.akkacluster.Protocol.WorkerCommand;
import arena.strategy.akkacluster.Protocol.WorkerReply;

/**
 * A grid computed on the workers: the coordinator's copy of the counts, filled part by part as the
 * workers' {@link ChunkDone} messages arrive, and the count at n_max summed from the parts. Each
 * row is taken once: the first part to bring it wins and a duplicate is dropped whole, so a chunk
 * computed twice neither changes a cell nor counts twice. Threading: see {@link Run}.
 */
final class GridRun extends Run {

    private final JuliaParams params;
    private final Schedule schedule;
    private final String kernel;
    private final int size;
    private final int rowsPerPart;
    private ChunkPlan plan;
    private int[] cells;
    private boolean[] rowDone;
    private int[] rowsLeft;
    private long countEqual;

    /** A run of {@code params} with {@code schedule}, on the kernel named {@code kernel}. */
    GridRun(long job, JuliaParams params, Schedule schedule, String kernel) {
        super(job);
        this.params = params;
        this.schedule = schedule;
        this.kernel = kernel;
        this.size = params.size();
        this.rowsPerPart = Protocol.rowsPerPart(size);
    }

    @Override
    ChunkPlan begin(int slots) {
        plan = schedule.plan(size, slots);
        cells = new int[params.cellCount()];
        rowDone = new boolean[size];
        rowsLeft = new int[plan.size()];
        for (int id = 0; id < plan.size(); id++) {
            rowsLeft[id] = plan.chunk(id).rows();
        }
        return plan;
    }

    @Override
    WorkerCommand command(int chunk, ActorRef<WorkerReply> replyTo) {
        return new ComputeChunk(job(), chunk, params, kernel, plan.chunk(chunk), replyTo);
    }

    @Override
    boolean accept(ChunkDone part) {
        if (part.chunk() < 0 || part.chunk() >= plan.size()) {
            throw new IllegalStateException("a worker answered chunk " + part.chunk() + " of a plan of " + plan.size());
        }
        RowRange chunk = plan.chunk(part.chunk());
        int first = part.firstRow();
        int rows = part.counts().length / size;
        int expected = Math.min(rowsPerPart, chunk.end() - first);
        if (first < chunk.start() || first >= chunk.end() || (first - chunk.start()) % rowsPerPart != 0
                || part.counts().length != expected * size) {
            throw new IllegalStateException("a worker's part of chunk " + chunk + " does not fit it: " + rows
                    + " rows from row " + first);
        }
        if (rowDone[first]) {
            return false;
        }
        System.arraycopy(part.counts(), 0, cells, first * size, part.counts().length);
        for (int row = first; row < first + rows; row++) {
            rowDone[row] = true;
        }
        countEqual += part.countEqual();
        rowsLeft[part.chunk()] -= rows;
        return rowsLeft[part.chunk()] == 0;
    }

    /** The finished grid; valid once every chunk is complete. */
    CountGrid grid() {
        return new CountGrid(size, cells);
    }

    /** How many cells equal n_max, summed from the workers' per-part counts. */
    long countEqual() {
        return countEqual;
    }
}
