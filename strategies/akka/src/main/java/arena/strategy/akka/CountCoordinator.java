package arena.strategy.akka;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import arena.core.CountGrid;
import arena.core.RowRange;
import arena.core.Schedule;
import java.util.List;

/**
 * The coordinator of one fraction: sends each worker actor one contiguous band of rows (the bands of
 * {@code static} for that many workers), sums the partial counts the workers reply with, and replies
 * the total once every band is counted.
 *
 * <p>Threading: as any actor. It lives for one count and stops itself after replying.
 */
final class CountCoordinator extends AbstractBehavior<CountCoordinator.Event> {

    /** What workers report to the coordinator. */
    sealed interface Event permits PartialCount, CountFailed {
    }

    /** A worker's count for its band. */
    record PartialCount(long count) implements Event {
    }

    /** A worker failed while counting its band. */
    record CountFailed(Throwable cause) implements Event {
    }

    /**
     * The answer to the caller: the total, or the first failure of a worker.
     *
     * @param count   the number of cells equal to the value; meaningless when {@code failure} is set
     * @param failure the first worker failure, or {@code null}
     */
    record Result(long count, Throwable failure) {
    }

    private final ActorRef<Result> replyTo;
    private int pendingBands;
    private long total;
    private Throwable failure;

    private CountCoordinator(ActorContext<Event> context, ActorRef<Result> replyTo) {
        super(context);
        this.replyTo = replyTo;
    }

    /** A coordinator that counts the cells of {@code grid} equal to {@code value} on {@code workers}. */
    static Behavior<Event> create(CountGrid grid, int value, List<ActorRef<Worker.Command>> workers,
            ActorRef<Result> replyTo) {
        return Behaviors.setup(context -> new CountCoordinator(context, replyTo).start(grid, value, workers));
    }

    private Behavior<Event> start(CountGrid grid, int value, List<ActorRef<Worker.Command>> workers) {
        List<RowRange> bands = new Schedule.Static(0).plan(grid.size(), workers.size()).chunks();
        for (int w = 0; w < bands.size(); w++) {
            workers.get(w).tell(new Worker.CountRows(grid, value, bands.get(w), getContext().getSelf()));
        }
        pendingBands = bands.size();
        return this;
    }

    @Override
    public Receive<Event> createReceive() {
        return newReceiveBuilder()
                .onMessage(PartialCount.class, this::onPartialCount)
                .onMessage(CountFailed.class, this::onCountFailed)
                .build();
    }

    private Behavior<Event> onPartialCount(PartialCount partial) {
        total += partial.count();
        return bandDone();
    }

    private Behavior<Event> onCountFailed(CountFailed failed) {
        if (failure == null) {
            failure = failed.cause();
        }
        return bandDone();
    }

    private Behavior<Event> bandDone() {
        if (--pendingBands > 0) {
            return this;
        }
        replyTo.tell(new Result(total, failure));
        return Behaviors.stopped();
    }
}
