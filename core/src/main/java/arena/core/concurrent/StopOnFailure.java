package arena.core.concurrent;

/**
 * What the workers of one run share so that the run stops at its first failure: a worker asks
 * {@link #stopped()} between units of work and records what it threw with {@link #fail}. The first
 * recorded failure wins; once one is recorded the run is stopped for good.
 *
 * <p>Threading: implementations are thread-safe; any number of workers call both methods at once, and
 * a failure recorded by one worker is seen by every later {@link #stopped()} of any thread.
 */
public interface StopOnFailure {

    /** Whether a failure (or a cancellation) has been recorded; workers start no more work then. */
    boolean stopped();

    /** Records {@code cause} unless a failure is recorded already; the run is stopped either way. */
    void fail(Throwable cause);
}
