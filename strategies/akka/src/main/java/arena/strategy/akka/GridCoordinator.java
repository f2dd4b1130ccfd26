package arena.strategy.akka;

import akka.Done;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import arena.core.ChunkPlan;
import arena.core.GridJob;
import arena.core.RowRange;
import java.util.List;

/**
 * The coordinator of one grid run: hands the job's chunks to the worker actors following the
 * schedule, and replies {@link Done} once no worker touches the grid any more.
 *
 * <ul>
 *   <li>Pre-assigned plans (static): each worker is sent its own chunk list
 *       ({@link ChunkPlan#chunksOf}) at once and reports when it has worked through it.</li>
 *   <li>Shared plans (dynamic, guided): a pull model. Each worker starts with
 *       {@link #CHUNKS_PER_WORKER} chunks (one to compute, one waiting); each {@link WorkDone} is
 *       its request for one more, answered with the next chunk in plan order.</li>
 * </ul>
 *
 * <p>After a {@link WorkerFailed} (or once the job is otherwise stopped) the coordinator hands out no
 * more chunks, waits for the chunks still in the workers' hands, then replies. The failure itself
 * travels in the job, whose {@link GridJob#finish()} rethrows it to the caller.
 *
 * <p>Threading: as any actor. It lives for one run and stops itself after replying.
 */
final class GridCoordinator extends AbstractBehavior<GridCoordinator.Event> {

    /** What workers report to the coordinator. */
    sealed interface Event permits WorkDone, WorkerFailed {
    }

    /** Worker {@code worker} finished what it was given; for a shared plan, it asks for more. */
    record WorkDone(int worker) implements Event {
    }

    /** Worker {@code worker} failed with {@code cause}, the kernel's original exception. */
    record WorkerFailed(int worker, Throwable cause) implements Event {
    }

    /**
     * Chunks of a shared plan a worker holds at once: the one it computes and one waiting in its
     * mailbox, so that it never idles for the round trip of its "done" message to the coordinator
     * and the next chunk back. The hand-out stays in plan order and first come, first served: a
     * worker gets its next chunk only when it reports one done.
     */
    static final int CHUNKS_PER_WORKER = 2;

    private final GridJob job;
    private final List<ActorRef<Worker.Command>> workers;
    private final ActorRef<Done> replyTo;
    private int nextChunk;
    private int busyWorkers;

    private GridCoordinator(ActorContext<Event> context, GridJob job, List<ActorRef<Worker.Command>> workers,
            ActorRef<Done> replyTo) {
        super(context);
        this.job = job;
        this.workers = List.copyOf(workers);
        this.replyTo = replyTo;
    }

    /**
     * A coordinator that runs {@code job} on {@code workers} and tells {@code replyTo} when it is over;
     * a pool of another size than the plan's fails the job at once.
     */
    static Behavior<Event> create(GridJob job, List<ActorRef<Worker.Command>> workers, ActorRef<Done> replyTo) {
        return Behaviors.setup(context -> new GridCoordinator(context, job, workers, replyTo).start());
    }

    private Behavior<Event> start() {
        ChunkPlan plan = job.plan();
        if (plan.workers() != workers.size()) {
            job.fail(new IllegalStateException("the plan is made for " + plan.workers() + " workers, the pool has "
                    + workers.size()));
            return finish();
        }
        if (plan.preassigned()) {
            for (int w = 0; w < workers.size(); w++) {
                List<RowRange> own = plan.chunksOf(w);
                if (!own.isEmpty()) {
                    workers.get(w).tell(new Worker.ComputeOwned(job, own, getContext().getSelf()));
                    busyWorkers++;
                }
            }
        } else {
            for (int round = 0; round < CHUNKS_PER_WORKER; round++) {
                for (int w = 0; w < workers.size(); w++) {
                    handOutNextChunk(w);
                }
            }
        }
        return busyWorkers == 0 ? finish() : this;
    }

    @Override
    public Receive<Event> createReceive() {
        return newReceiveBuilder()
                .onMessage(WorkDone.class, this::onWorkDone)
                .onMessage(WorkerFailed.class, this::onWorkerFailed)
                .build();
    }

    private Behavior<Event> onWorkDone(WorkDone done) {
        busyWorkers--;
        if (!job.plan().preassigned()) {
            handOutNextChunk(done.worker());
        }
        return busyWorkers == 0 ? finish() : this;
    }

    private Behavior<Event> onWorkerFailed(WorkerFailed failed) {
        job.fail(failed.cause());
        busyWorkers--;
        return busyWorkers == 0 ? finish() : this;
    }

    private void handOutNextChunk(int worker) {
        if (!job.stopped() && nextChunk < job.plan().size()) {
            workers.get(worker).tell(new Worker.ComputeChunk(job, nextChunk++, getContext().getSelf()));
            busyWorkers++;
        }
    }

    private Behavior<Event> finish() {
        replyTo.tell(Done.getInstance());
        return Behaviors.stopped();
    }
}
