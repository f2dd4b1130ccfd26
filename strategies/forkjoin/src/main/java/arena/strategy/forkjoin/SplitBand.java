package arena.strategy.forkjoin;

import arena.core.GridJob;
import arena.core.RowRange;
import arena.core.Schedule;

/**
 * ForkJoin's recursive split of a band of rows: halved at {@link Schedule.Split#middle} while
 * {@link Schedule.Split#splits} says so, both halves forked, each leaf (exactly a chunk of the
 * {@code split} plan) computed through the job. Once the job is stopped, bands not yet started skip
 * their work; a leaf's failure is recorded in the job, never thrown, so every band completes normally
 * and a join returns only after the whole subtree has ended.
 *
 * <p>Threading: runs in a {@link java.util.concurrent.ForkJoinPool}; leaves write disjoint rows.
 */
final class SplitBand extends JobAction {

    private final Schedule.Split split;
    private final int start;
    private final int end;

    private SplitBand(GridJob job, Schedule.Split split, int start, int end) {
        super(job);
        this.split = split;
        this.start = start;
        this.end = end;
    }

    /** The band of all the job's rows. */
    static SplitBand whole(GridJob job, Schedule.Split split) {
        return new SplitBand(job, split, 0, job.params().size());
    }

    @Override
    void work() {
        if (split.splits(end - start)) {
            int middle = Schedule.Split.middle(start, end);
            invokeAll(new SplitBand(job, split, start, middle), new SplitBand(job, split, middle, end));
        } else {
            job.compute(new RowRange(start, end));
        }
    }
}
