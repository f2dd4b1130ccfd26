package arena.core.concurrent;

/**
 * Starts a task in a model's own way: submits it to a pool, starts a thread or a stage for it, or
 * queues it behind a limit. A run hands its tasks to a starter one by one; a starter that refuses a
 * task (a closed pool, no thread left) throws, and the run hands out no more.
 *
 * <p>Threading: called by the one thread that hands out the run's tasks; each task then runs on
 * whichever thread the model picks.
 *
 * @param <X> the checked exception a starter may throw (an {@link InterruptedException} while it
 *            waits for room), or {@link RuntimeException} for none
 */
@FunctionalInterface
public interface TaskStarter<X extends Exception> {

    /** Starts {@code task}; the task records nothing itself, so a starter that needs its failure wraps it. */
    void start(Runnable task) throws X;
}
