package arena.strategy.akka;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import arena.core.CountGrid;
import arena.core.GridJob;
import arena.core.RowRange;
import java.util.List;

/**
 * A worker actor: computes the chunks it is given through the job's kernel and counts cells of row
 * bands, replying with a small message after each piece of work.
 *
 * <p>The worker writes its rows straight into the job's grid ({@link GridJob#compute}) instead of
 * sending them back in messages: workers always hold disjoint rows, so no cell has two writers, and
 * each worker's reply, sent after its writes, is the happens-before edge through the coordinator's
 * final reply to the caller, who only then reads the grid. Copying rows through messages would add
 * an allocation and a copy per chunk for nothing.
 *
 * <p>A kernel exception is caught here, never left to supervision (a restart would lose it): the
 * worker records the original exception with {@link GridJob#fail}, which makes every other worker
 * stop at its next chunk boundary, reports it to the coordinator and stays ready for the next run.
 *
 * <p>Threading: as any actor, one message at a time on the worker dispatcher.
 */
final class Worker extends AbstractBehavior<Worker.Command> {

    /** What a worker is asked to do. */
    sealed interface Command permits ComputeChunk, ComputeOwned, CountRows {
    }

    /** Compute chunk {@code chunk} of the job's plan, then reply {@link GridCoordinator.WorkDone}. */
    record ComputeChunk(GridJob job, int chunk, ActorRef<GridCoordinator.Event> replyTo) implements Command {
    }

    /**
     * Compute this worker's own chunks of a pre-assigned plan in order, stopping early once the job is
     * stopped, then reply {@link GridCoordinator.WorkDone}.
     */
    record ComputeOwned(GridJob job, List<RowRange> chunks, ActorRef<GridCoordinator.Event> replyTo) implements Command {
        /** Copies the list. */
        ComputeOwned {
            chunks = List.copyOf(chunks);
        }
    }

    /** Count the cells of {@code rows} equal to {@code value}, then reply {@link CountCoordinator.PartialCount}. */
    record CountRows(CountGrid grid, int value, RowRange rows, ActorRef<CountCoordinator.Event> replyTo) implements Command {
    }

    private final int index;

    private Worker(ActorContext<Command> context, int index) {
        super(context);
        this.index = index;
    }

    /** A worker known to coordinators as number {@code index}. */
    static Behavior<Command> create(int index) {
        return Behaviors.setup(context -> new Worker(context, index));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(ComputeChunk.class, this::onComputeChunk)
                .onMessage(ComputeOwned.class, this::onComputeOwned)
                .onMessage(CountRows.class, this::onCountRows)
                .build();
    }

    private Behavior<Command> onComputeChunk(ComputeChunk message) {
        try {
            message.job().compute(message.chunk());
            message.replyTo().tell(new GridCoordinator.WorkDone(index));
        } catch (RuntimeException | Error e) {
            reportFailure(message.job(), e, message.replyTo());
        }
        return this;
    }

    private Behavior<Command> onComputeOwned(ComputeOwned message) {
        GridJob job = message.job();
        try {
            for (RowRange chunk : message.chunks()) {
                if (job.stopped()) {
                    break;
                }
                job.compute(chunk);
            }
            message.replyTo().tell(new GridCoordinator.WorkDone(index));
        } catch (RuntimeException | Error e) {
            reportFailure(job, e, message.replyTo());
        }
        return this;
    }

    private Behavior<Command> onCountRows(CountRows message) {
        try {
            RowRange rows = message.rows();
            long count = message.grid().countEqualInRows(message.value(), rows.start(), rows.end());
            message.replyTo().tell(new CountCoordinator.PartialCount(count));
        } catch (RuntimeException | Error e) {
            message.replyTo().tell(new CountCoordinator.CountFailed(e));
        }
        return this;
    }

    private void reportFailure(GridJob job, Throwable cause, ActorRef<GridCoordinator.Event> coordinator) {
        job.fail(cause);
        coordinator.tell(new GridCoordinator.WorkerFailed(index, cause));
    }
}
