package arena.strategy.akka;

import akka.Done;
import akka.actor.typed.ActorRef;
import arena.core.ChunkPlan;
import arena.core.GridJob;
import arena.core.RowRange;
import java.util.List;

/**
 * A grid run as a {@link Coordinator}'s assignment: hands the job's chunks to the worker actors
 * following the schedule, and replies {@link Done} once no worker touches the grid any more.
 *
 * <ul>
 *   <li>Pre-assigned plans (static): each worker is sent its own chunk list
 *       ({@link ChunkPlan#chunksOf}) at once and reports when it has worked through it.</li>
 *   <li>Shared plans (dynamic, guided): a pull model. Each worker starts with
 *       {@link #CHUNKS_PER_WORKER} chunks (one to compute, one waiting); each
 *       {@link Coordinator.WorkDone} is its request for one more, answered with the next chunk in
 *       plan order.</li>
 * </ul>
 *
 * <p>After a worker's failure (or once the job is otherwise stopped) no more chunks are handed out;
 * the coordinator waits for the chunks still in the workers' hands, then replies. The failure itself
 * travels in the job, whose {@link GridJob#finish()} rethrows it to the caller. A pool of another
 * size than the plan's fails the job at once.
 *
 * <p>Threading: used by its coordinator actor only.
 */
final class GridAssignment implements Coordinator.Assignment<Done> {

    /**
     * Chunks of a shared plan a worker holds at once: the one it computes and one waiting in its
     * mailbox, so that it never idles for the round trip of its "done" message to the coordinator
     * and the next chunk back. The hand-out stays in plan order and first come, first served: a
     * worker gets its next chunk only when it reports one done.
     */
    static final int CHUNKS_PER_WORKER = 2;

    private final GridJob job;
    private int nextChunk;

    /** The assignment to run every chunk of {@code job}. */
    GridAssignment(GridJob job) {
        this.job = job;
    }

    @Override
    public int start(List<ActorRef<Worker.Command>> workers, ActorRef<Coordinator.Event> self) {
        ChunkPlan plan = job.plan();
        if (plan.workers() != workers.size()) {
            job.fail(new IllegalStateException("the plan is made for " + plan.workers() + " workers, the pool has "
                    + workers.size()));
            return 0;
        }
        int sent = 0;
        if (plan.preassigned()) {
            for (int w = 0; w < workers.size(); w++) {
                List<RowRange> own = plan.chunksOf(w);
                if (!own.isEmpty()) {
                    workers.get(w).tell(new Worker.ComputeOwned(job, own, self));
                    sent++;
                }
            }
        } else {
            for (int round = 0; round < CHUNKS_PER_WORKER; round++) {
                for (ActorRef<Worker.Command> worker : workers) {
                    sent += handOutNextChunk(worker, self);
                }
            }
        }
        return sent;
    }

    @Override
    public int done(Coordinator.WorkDone done, List<ActorRef<Worker.Command>> workers, ActorRef<Coordinator.Event> self) {
        return job.plan().preassigned() ? 0 : handOutNextChunk(workers.get(done.worker()), self);
    }

    @Override
    public void failed(Throwable cause) {
        job.fail(cause);
    }

    @Override
    public Done result() {
        return Done.getInstance();
    }

    private int handOutNextChunk(ActorRef<Worker.Command> worker, ActorRef<Coordinator.Event> self) {
        if (job.stopped() || nextChunk >= job.plan().size()) {
            return 0;
        }
        worker.tell(new Worker.ComputeChunk(job, nextChunk++, self));
        return 1;
    }
}
