package arena.strategy.akkacluster;

import akka.actor.typed.ActorRef;
import arena.core.ChunkPlan;
import arena.strategy.akkacluster.Protocol.ChunkDone;
import arena.strategy.akkacluster.Protocol.ChunkTimes;
import arena.strategy.akkacluster.Protocol.WorkerCommand;
import arena.strategy.akkacluster.Protocol.WorkerReply;

/**
 * One piece of distributed work the {@link Coordinator} drives: its chunks, the message that asks a
 * worker for one, and where the answers land.
 *
 * <p>Threading: created by the strategy's caller, then used only by the coordinator actor until it
 * replies; the caller reads the result after the reply, which is the happens-before edge.
 */
abstract sealed class Run permits GridRun, CountRun {

    private final long job;

    /** A run whose messages carry the id {@code job}. */
    Run(long job) {
        this.job = job;
    }

    /** The job id every message of this run carries; answers of other jobs are ignored. */
    final long job() {
        return job;
    }

    /** Plans the chunks for {@code slots} parallel slots (worker nodes times threads); called once. */
    abstract ChunkPlan begin(int slots);

    /** The message asking a worker for chunk {@code chunk}. */
    abstract WorkerCommand command(int chunk, ActorRef<WorkerReply> replyTo);

    /**
     * Takes an answer; a part already taken (the chunk was computed twice) is ignored.
     *
     * @return whether this part completed its chunk
     * @throws IllegalStateException when the part does not fit the chunk (a protocol error)
     */
    abstract boolean accept(ChunkDone part);

    /**
     * Takes a worker's report of how a chunk went (its queue and compute time); a run that keeps no
     * timeline ignores it.
     *
     * @throws IllegalStateException when the report names a chunk outside the plan (a protocol error)
     */
    void timed(ChunkTimes report) {
    }
}
