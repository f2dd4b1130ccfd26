package arena.strategy.akkacluster;

import akka.actor.typed.ActorRef;
import akka.actor.typed.receptionist.ServiceKey;
import arena.core.RowRange;
import arena.core.problem.JuliaParams;

/**
 * The messages that cross the network between the coordinator and the worker nodes, the only
 * application messages the nodes exchange; {@link ProtocolSerializer} writes them as compact
 * binary. Values; immutable (the arrays are never written after a message is built).
 *
 * <p>A chunk's result may come in several {@link ChunkDone} parts so that no message outgrows
 * Artery's frame: parts hold whole rows, {@link #rowsPerPart} of them except the chunk's last, so
 * every worker cuts a chunk at the same rows and a part computed twice (by a worker presumed dead
 * and by its replacement) is recognised and dropped.
 */
final class Protocol {

    /** The key worker nodes register their {@link ChunkWorker} under. */
    static final ServiceKey<WorkerCommand> WORKERS = ServiceKey.create(WorkerCommand.class, "arena-akka-cluster-workers");

    /** The most bytes of counts one message carries: well under Artery's default 256 KiB frame. */
    static final int MAX_PART_BYTES = 192 * 1024;

    private Protocol() {
    }

    /** Rows per part for a grid with {@code rowCells} cells per row; at least 1 (a largest row is 181 KiB). */
    static int rowsPerPart(int rowCells) {
        return Math.max(1, MAX_PART_BYTES / (Integer.BYTES * rowCells));
    }

    /** Every message that crosses the network; bound to {@link ProtocolSerializer}. */
    sealed interface Message permits WorkerCommand, WorkerReply {
    }

    /** What the coordinator asks a worker node to do. */
    sealed interface WorkerCommand extends Message permits ComputeChunk, CountRows, CancelRun {
    }

    /** What a worker node answers; the coordinator receives it directly. */
    sealed interface WorkerReply extends Message, Coordinator.Command permits ChunkDone, ChunkTimes, ChunkFailed {
    }

    /**
     * Compute rows {@code rows} of {@code params}' grid with the kernel named {@code kernel}; answer
     * with {@link ChunkDone} parts or one {@link ChunkFailed}, the parts preceded by a
     * {@link ChunkTimes} when {@code timed} (the run is recorded for a timeline).
     */
    record ComputeChunk(long job, int chunk, JuliaParams params, String kernel, RowRange rows,
            ActorRef<WorkerReply> replyTo, boolean timed) implements WorkerCommand {
        /** An untimed chunk. */
        ComputeChunk(long job, int chunk, JuliaParams params, String kernel, RowRange rows, ActorRef<WorkerReply> replyTo) {
            this(job, chunk, params, kernel, rows, replyTo, false);
        }
    }

    /** Count the cells of {@code cells} (a band of whole rows) equal to {@code value}; answer one {@link ChunkDone}. */
    record CountRows(long job, int chunk, int value, int[] cells, ActorRef<WorkerReply> replyTo) implements WorkerCommand {
    }

    /**
     * Abandon job {@code job}: raise the stop signal of its chunks in progress (their kernels return
     * within milliseconds, even inside one endless pixel), drop its chunks not started yet and any
     * that arrive later, and answer none of them. Sent by a coordinator whose run was cancelled or
     * failed, to every worker it gave a chunk of that run; no answer.
     */
    record CancelRun(long job) implements WorkerCommand {
    }

    /**
     * A part of chunk {@code chunk}'s result: the counts of the rows from {@code firstRow} on,
     * row-major, and how many of them equal n_max ({@code countEqual}). For a {@link CountRows}
     * band: no counts, and {@code countEqual} is the band's count.
     */
    record ChunkDone(long job, int chunk, int firstRow, long countEqual, int[] counts) implements WorkerReply {
    }

    /**
     * How chunk {@code chunk} went on the worker, measured on the worker's own clock and sent as
     * durations (the clocks of two JVMs are not comparable): it waited {@code queuedNanos} between
     * arriving and starting, then computed for {@code computeNanos} on the worker thread
     * {@code thread} (named {@code host:port/worker-N}: the node, then its thread). Sent right after
     * computing, before the chunk's {@link ChunkDone} parts, for a timed {@link ComputeChunk} only.
     */
    record ChunkTimes(long job, int chunk, String thread, long queuedNanos, long computeNanos) implements WorkerReply {
    }

    /** Chunk {@code chunk} failed on the worker with an exception of class {@code className}. */
    record ChunkFailed(long job, int chunk, String className, String message) implements WorkerReply {
    }
}
