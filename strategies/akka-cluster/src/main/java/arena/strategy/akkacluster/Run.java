package arena.strategy.akkacluster;

import akka.actor.typed.ActorRef;
import arena.core.ChunkPlan;
import arena.strategy.akkacluster.Protocol.ChunkDone;
import arena.strategy.akkacluster.Protocol.WorkerCommand;
import arena.strategy.akkacluster.Protocol.WorkerReply;

/**
 * One piece of distributed work the {@link Coordinator} drives: its chunks, the message that asks a
 * worker for one, and where the answers land.
 *
 * <p>Threading: created by the strategy's caller, then used only by the coordinator actor until it
 * replies; the caller reads the result after the reply, which is the happens-before edge.
 */
sealed interface Run permits GridRun, CountRun {

    /** The job id every message of this run carries; answers of other jobs are ignored. */
    long job();

    /** Plans the chunks for {@code slots} parallel slots (worker nodes times threads); called once. */
    ChunkPlan begin(int slots);

    /** The message asking a worker for chunk {@code chunk}. */
    WorkerCommand command(int chunk, ActorRef<WorkerReply> replyTo);

    /**
     * Takes an answer; a part already taken (the chunk was computed twice) is ignored.
     *
     * @return whether this part completed its chunk
     * @throws IllegalStateException when the part does not fit the chunk (a protocol error)
     */
    boolean accept(ChunkDone part);
}
