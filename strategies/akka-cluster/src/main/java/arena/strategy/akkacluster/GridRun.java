package arena.strategy.akkacluster;

import akka.actor.typed.ActorRef;
import arena.core.ChunkPlan;
import arena.core.GridJob;
import arena.core.RowRange;
import arena.strategy.akkacluster.Protocol.ChunkDone;
import arena.strategy.akkacluster.Protocol.ChunkTimes;
import arena.strategy.akkacluster.Protocol.ComputeChunk;
import arena.strategy.akkacluster.Protocol.WorkerCommand;
import arena.strategy.akkacluster.Protocol.WorkerReply;

/**
 * A grid computed on the workers through a {@link GridJob}, like every model's: the job's plan is
 * handed out, the workers' {@link ChunkDone} parts land in the job's grid with
 * {@link GridJob#accept(RowRange, int[])}, and each chunk goes to the job's recorder once, with the
 * coordinator's send and receive times around the worker's own {@link ChunkTimes}. What only a
 * cluster needs stays here: each row is taken once (the first part to bring it wins and a duplicate
 * is dropped whole, so a chunk computed twice by a worker presumed lost and by its replacement
 * neither changes a cell nor counts twice), and the count at n_max is summed from the parts.
 *
 * <p>Placing a remote chunk on the coordinator's clock: of the time between sending it and receiving
 * its last rows, the worker measured how long it queued and computed; the rest is network, taken as
 * half on the way out and half on the way back. Threading: see {@link Run}.
 */
final class GridRun extends Run {

    private final GridJob grid;
    private final String kernel;
    private final boolean timed;
    private final int size;
    private final int rowsPerPart;
    private ChunkPlan plan;
    private boolean[] rowDone;
    private int[] rowsLeft;
    private long[] sentNanos;
    private long[] receivedNanos;
    private ChunkTimes[] times;
    private long countEqual;

    /**
     * A run of {@code grid}'s plan on the kernel the workers know as {@code kernel}; when
     * {@code timed} (the execution is recorded) the workers report each chunk's times.
     */
    GridRun(long job, GridJob grid, String kernel, boolean timed) {
        super(job);
        this.grid = grid;
        this.kernel = kernel;
        this.timed = timed;
        this.size = grid.params().size();
        this.rowsPerPart = Protocol.rowsPerPart(size);
    }

    /** The job's own plan, made for the workers known when the run was asked for; {@code slots} is not used. */
    @Override
    ChunkPlan begin(int slots) {
        plan = grid.plan();
        rowDone = new boolean[size];
        rowsLeft = new int[plan.size()];
        for (int id = 0; id < plan.size(); id++) {
            rowsLeft[id] = plan.chunk(id).rows();
        }
        sentNanos = new long[plan.size()];
        receivedNanos = new long[plan.size()];
        times = new ChunkTimes[plan.size()];
        return plan;
    }

    @Override
    WorkerCommand command(int chunk, ActorRef<WorkerReply> replyTo) {
        sentNanos[chunk] = System.nanoTime();
        return new ComputeChunk(job(), chunk, grid.params(), kernel, plan.chunk(chunk), replyTo, timed);
    }

    @Override
    boolean accept(ChunkDone part) {
        requireInPlan(part.chunk());
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
        grid.accept(new RowRange(first, first + rows), part.counts());
        for (int row = first; row < first + rows; row++) {
            rowDone[row] = true;
        }
        countEqual += part.countEqual();
        rowsLeft[part.chunk()] -= rows;
        if (rowsLeft[part.chunk()] > 0) {
            return false;
        }
        receivedNanos[part.chunk()] = System.nanoTime();
        recordWhenTimed(part.chunk());
        return true;
    }

    /** Keeps the first report of how chunk {@code times.chunk()} went on a worker. */
    @Override
    void timed(ChunkTimes report) {
        requireInPlan(report.chunk());
        if (times[report.chunk()] == null) {
            times[report.chunk()] = report;
            recordWhenTimed(report.chunk());
        }
    }

    /** Records chunk {@code id} once both its rows and its times are in, whichever came last. */
    private void recordWhenTimed(int id) {
        ChunkTimes report = times[id];
        long received = receivedNanos[id];
        if (report == null || received == 0) {
            return;
        }
        long sent = sentNanos[id];
        long network = Math.max(0, received - sent - report.queuedNanos() - report.computeNanos());
        long start = Math.min(received, sent + network / 2 + report.queuedNanos());
        long end = Math.min(received, start + report.computeNanos());
        grid.recordRemote(report.thread(), plan.chunk(id), sent, start, end, received);
    }

    private void requireInPlan(int chunk) {
        if (chunk < 0 || chunk >= plan.size()) {
            throw new IllegalStateException("a worker answered chunk " + chunk + " of a plan of " + plan.size());
        }
    }

    /** The job the grid lands in; its {@link GridJob#finish()} hands it out. */
    GridJob grid() {
        return grid;
    }

    /** How many cells equal n_max, summed from the workers' per-part counts. */
    long countEqual() {
        return countEqual;
    }
}
