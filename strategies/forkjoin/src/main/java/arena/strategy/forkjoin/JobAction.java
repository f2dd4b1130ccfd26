package arena.strategy.forkjoin;

import arena.core.GridJob;
import java.util.concurrent.RecursiveAction;

/**
 * A ForkJoin task of a job that never completes abnormally: it skips its work once the job is
 * stopped, and records a failure of its work in the job (the very instance thrown) instead of
 * throwing it, so a join returns only after the task's whole subtree has ended (see
 * {@link ForkJoinStrategy}).
 *
 * <p>Threading: runs in a {@link java.util.concurrent.ForkJoinPool}; subclasses write disjoint rows.
 */
abstract class JobAction extends RecursiveAction {

    /** The job the task works for. */
    final GridJob job;

    JobAction(GridJob job) {
        this.job = job;
    }

    @Override
    protected final void compute() {
        if (job.stopped()) {
            return;
        }
        try {
            work();
        } catch (Throwable t) {
            job.fail(t);
        }
    }

    /** The task's work: forks subtasks or computes rows; may throw. */
    abstract void work();
}
