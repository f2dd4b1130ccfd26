package arena.core.concurrent;

/**
 * Tells a running kernel to stop early: a kernel polls {@link #stopRequested()} inside its escape
 * loops, at least once per {@link #POLL_UPDATES} updates of the pixels in flight, so that even one
 * pixel at {@code n_max = Integer.MAX_VALUE} (seconds of work) notices a cancellation within about
 * a millisecond. {@code GridJob} hands every kernel call a signal that is raised once the job has
 * failed or been cancelled, or once the computing thread is interrupted.
 *
 * <p>Threading: {@link #stopRequested()} is called by the computing thread and must be cheap (a
 * volatile read, {@link Thread#isInterrupted()}), must not block and must not allocate; whoever
 * raises the signal does so from any thread, through state the implementation makes visible (a
 * volatile or atomic field).
 */
@FunctionalInterface
public interface StopSignal {

    /** Updates of the pixels in flight (per pixel, or per lane group) between two polls at most: 2^16. */
    int POLL_UPDATES = 1 << 16;

    /** A signal that is never raised: the kernel computes every cell of its band. */
    StopSignal NEVER = () -> false;

    /** Whether the kernel should stop now, leaving the rest of its band unwritten. */
    boolean stopRequested();
}
