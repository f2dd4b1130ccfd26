package arena.strategy.akka;

import akka.actor.typed.ActorRef;
import arena.core.CountGrid;
import arena.core.RowRange;
import arena.core.Schedule;
import java.util.List;

/**
 * A count as a {@link Coordinator}'s assignment: sends each worker actor one contiguous band of
 * rows (the bands of {@code static} for that many workers), sums the partial counts the workers
 * reply with, and replies the total, or the first failure, once every band is counted.
 *
 * <p>Threading: used by its coordinator actor only.
 */
final class CountAssignment implements Coordinator.Assignment<CountAssignment.Result> {

    /**
     * The answer to the caller: the total, or the first failure of a worker.
     *
     * @param count   the number of cells equal to the value; meaningless when {@code failure} is set
     * @param failure the first worker failure, or {@code null}
     */
    record Result(long count, Throwable failure) {
    }

    private final CountGrid grid;
    private final int value;
    private long total;
    private Throwable failure;

    /** The assignment to count the cells of {@code grid} equal to {@code value}. */
    CountAssignment(CountGrid grid, int value) {
        this.grid = grid;
        this.value = value;
    }

    @Override
    public int start(List<ActorRef<Worker.Command>> workers, ActorRef<Coordinator.Event> self) {
        List<RowRange> bands = new Schedule.Static(0).plan(grid.size(), workers.size()).chunks();
        for (int w = 0; w < bands.size(); w++) {
            workers.get(w).tell(new Worker.CountRows(grid, value, bands.get(w), self));
        }
        return bands.size();
    }

    @Override
    public int done(Coordinator.WorkDone done, List<ActorRef<Worker.Command>> workers, ActorRef<Coordinator.Event> self) {
        total += done.count();
        return 0;
    }

    @Override
    public void failed(Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
    }

    @Override
    public Result result() {
        return new Result(total, failure);
    }
}
