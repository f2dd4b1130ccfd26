package arena.strategy.akka;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import arena.core.CountGrid;
import arena.core.GridJob;
import arena.core.RowRange;
import java.util.List;

/**
 * A worker actor: computes the chunks it is given through the job's kernel and counts cells of row
 * bands, replying with one small {@link Coordinator.Event} after each piece of work.
 *
 * <p>The worker writes its rows straight into the job's grid ({@link GridJob#compute}) instead of
 * sending them back in messages: workers always hold disjoint rows, so no cell has two writers, and
 * each worker's reply, sent after its writes, is the happens-before edge through the coordinator's
 * final reply to the caller, who only then reads the grid. Copying rows through messages would add
 * an allocation and a copy per chunk for nothing.
 *
 * <p>An exception is caught here, never left to supervision (a restart would lose it): the worker
 * replies {@link Coordinator.WorkerFailed} with the original exception and stays ready for the next
 * piece of work. For grid work it first records the exception with {@link GridJob#fail}, which
 * makes every other worker stop at its next chunk boundary.
 *
 * <p>Threading: as any actor, one message at a time on the worker dispatcher. It holds no state but
 * its index.
 */
final class Worker {

    /** What a worker is asked to do: one piece of work, answered to {@link #replyTo()}. */
    sealed interface Command permits GridCommand, CountRows {

        /** The coordinator that gets the one {@link Coordinator.Event} this piece of work is answered with. */
        ActorRef<Coordinator.Event> replyTo();
    }

    /** A piece of a grid run; a failure of it is recorded in {@link #job()}. */
    sealed interface GridCommand extends Command permits ComputeChunk, ComputeOwned {

        /** The job whose grid the worker writes. */
        GridJob job();
    }

    /** Compute chunk {@code chunk} of the job's plan, then reply {@link Coordinator.WorkDone}. */
    record ComputeChunk(GridJob job, int chunk, ActorRef<Coordinator.Event> replyTo) implements GridCommand {
    }

    /**
     * Compute this worker's own chunks of a pre-assigned plan in order, stopping early once the job is
     * stopped, then reply {@link Coordinator.WorkDone}.
     */
    record ComputeOwned(GridJob job, List<RowRange> chunks, ActorRef<Coordinator.Event> replyTo) implements GridCommand {
        /** Copies the list. */
        ComputeOwned {
            chunks = List.copyOf(chunks);
        }
    }

    /**
     * Count the cells of {@code rows} equal to {@code value}, then reply {@link Coordinator.WorkDone}
     * with the count.
     */
    record CountRows(CountGrid grid, int value, RowRange rows, ActorRef<Coordinator.Event> replyTo) implements Command {
    }

    private Worker() {
    }

    /**
     * A worker known to coordinators as number {@code index}: one exhaustive switch over the sealed
     * {@link Command}s, so a command without a handler does not compile.
     */
    static Behavior<Command> create(int index) {
        return Behaviors.receiveMessage(command -> {
            try {
                long count = perform(command);
                command.replyTo().tell(new Coordinator.WorkDone(index, count));
            } catch (RuntimeException | Error e) {
                if (command instanceof GridCommand grid) {
                    grid.job().fail(e);
                }
                command.replyTo().tell(new Coordinator.WorkerFailed(index, e));
            }
            return Behaviors.same();
        });
    }

    /** Does the work of {@code command}; returns the count of a {@link CountRows}, else 0. */
    private static long perform(Command command) {
        switch (command) {
            case ComputeChunk chunk -> chunk.job().compute(chunk.chunk());
            case ComputeOwned owned -> {
                for (RowRange chunk : owned.chunks()) {
                    if (owned.job().stopped()) {
                        break;
                    }
                    owned.job().compute(chunk);
                }
            }
            case CountRows band -> {
                return band.grid().countEqualInRows(band.value(), band.rows().start(), band.rows().end());
            }
        }
        return 0;
    }
}
