package arena.strategy.akka;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import java.util.List;

/**
 * The coordinator of one piece of work on the worker pool, a grid run or a count: what it hands out
 * and what it collects is its {@link Assignment} ({@link GridAssignment}, {@link CountAssignment});
 * the coordinator itself only keeps track of the pieces in the workers' hands and replies the
 * assignment's result once none is left.
 *
 * <p>Threading: as any actor. It lives for one assignment and stops itself after replying; the
 * assignment is used by this actor alone.
 */
final class Coordinator<R> extends AbstractBehavior<Coordinator.Event> {

    /** What workers report to the coordinator, one event per piece of work they were given. */
    sealed interface Event permits WorkDone, WorkerFailed {
    }

    /**
     * Worker {@code worker} finished a piece of work; {@code count} is what it counted (0 for grid
     * chunks). For a shared plan it is also the worker's request for one more chunk.
     */
    record WorkDone(int worker, long count) implements Event {
    }

    /** Worker {@code worker} failed with {@code cause}, the original exception. */
    record WorkerFailed(int worker, Throwable cause) implements Event {
    }

    /**
     * What one coordinator hands out and collects. Called by the coordinator actor only.
     *
     * @param <R> the reply the caller gets once no worker holds a piece of work any more
     */
    sealed interface Assignment<R> permits GridAssignment, CountAssignment {

        /** Sends the first pieces of work to {@code workers}, replying to {@code self}; returns how many it sent. */
        int start(List<ActorRef<Worker.Command>> workers, ActorRef<Event> self);

        /**
         * Takes worker {@code done.worker()}'s report and may send it one more piece; returns how many
         * it sent (0 or 1).
         */
        int done(WorkDone done, List<ActorRef<Worker.Command>> workers, ActorRef<Event> self);

        /** Takes a worker's failure; no more pieces are handed out after it. */
        void failed(Throwable cause);

        /** The reply, once no worker holds a piece of work any more. */
        R result();
    }

    private final Assignment<R> assignment;
    private final List<ActorRef<Worker.Command>> workers;
    private final ActorRef<R> replyTo;
    private int busyPieces;

    private Coordinator(ActorContext<Event> context, Assignment<R> assignment, List<ActorRef<Worker.Command>> workers,
            ActorRef<R> replyTo) {
        super(context);
        this.assignment = assignment;
        this.workers = List.copyOf(workers);
        this.replyTo = replyTo;
    }

    /** A coordinator that carries out {@code assignment} on {@code workers} and tells {@code replyTo} its result. */
    static <R> Behavior<Event> create(Assignment<R> assignment, List<ActorRef<Worker.Command>> workers,
            ActorRef<R> replyTo) {
        return Behaviors.setup(context -> {
            Coordinator<R> coordinator = new Coordinator<>(context, assignment, workers, replyTo);
            coordinator.busyPieces = assignment.start(coordinator.workers, context.getSelf());
            return coordinator.replyWhenIdle();
        });
    }

    @Override
    public Receive<Event> createReceive() {
        return newReceiveBuilder().onMessage(Event.class, this::onEvent).build();
    }

    private Behavior<Event> onEvent(Event event) {
        busyPieces--;
        switch (event) {
            case WorkDone done -> busyPieces += assignment.done(done, workers, getContext().getSelf());
            case WorkerFailed failed -> assignment.failed(failed.cause());
        }
        return replyWhenIdle();
    }

    private Behavior<Event> replyWhenIdle() {
        if (busyPieces > 0) {
            return this;
        }
        replyTo.tell(assignment.result());
        return Behaviors.stopped();
    }
}
