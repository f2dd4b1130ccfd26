package arena.strategy.forkjoin;

import arena.core.ChunkQueue;
import arena.core.GridJob;

/**
 * One task per worker of a job, forked as a binary tree over the worker ids so that idle pool threads
 * steal whole workers: a leaf is worker {@code w}, computing either the chunks the plan pre-assigns
 * to it or the chunks it takes from a shared {@link ChunkQueue}. A worker's failure is recorded in
 * the job, never thrown, so the team always completes normally (see {@link ForkJoinStrategy}).
 *
 * <p>Threading: runs in a {@link java.util.concurrent.ForkJoinPool}; its leaves write disjoint chunks.
 */
final class WorkerTeam extends JobAction {

    private final ChunkQueue queue;
    private final int firstWorker;
    private final int endWorker;

    private WorkerTeam(GridJob job, ChunkQueue queue, int firstWorker, int endWorker) {
        super(job);
        this.queue = queue;
        this.firstWorker = firstWorker;
        this.endWorker = endWorker;
    }

    /** Every worker of the job's pre-assigned plan, each computing the chunks it owns. */
    static WorkerTeam owningChunks(GridJob job) {
        return new WorkerTeam(job, null, 0, job.plan().workers());
    }

    /** Every worker of the job's shared plan, each taking chunks from {@code queue} until it is empty. */
    static WorkerTeam draining(GridJob job, ChunkQueue queue) {
        return new WorkerTeam(job, queue, 0, job.plan().workers());
    }

    @Override
    void work() {
        if (endWorker - firstWorker > 1) {
            int middle = firstWorker + (endWorker - firstWorker) / 2;
            invokeAll(new WorkerTeam(job, queue, firstWorker, middle), new WorkerTeam(job, queue, middle, endWorker));
        } else if (queue == null) {
            job.computeOwnedChunks(firstWorker);
        } else {
            job.computeQueuedChunks(queue);
        }
    }
}
