package arena.core.concurrent;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * One run's guard around the work that the rails of a reactive pipeline (Reactor, RxJava) do for a
 * job (any {@link StopOnFailure}, in practice a {@code GridJob}). It skips work once the job or the
 * run is stopped; it records a unit's exception as the job's failure where it is thrown, so the job
 * keeps the original whatever the library later
 * does with the signal; it counts the work in flight ({@link InFlight}) so that the caller can wait
 * until no rail touches the grid any more; and it lets exactly one failure through to the library.
 *
 * <p>Only the first failure is signalled, and only while the run is going on: it ends the pipeline.
 * A later one (a second rail failing while the first failure cancels the others, or a rail failing
 * after the caller stopped the run) is recorded, where the job ignores it, and swallowed. Signalled,
 * it could only reach a pipeline that has already ended, and the library would hand it to a
 * process-wide hook for undeliverable errors (Reactor's {@code Hooks.onErrorDropped}, RxJava's
 * {@code RxJavaPlugins.onError}), which logs or prints it. Handling it here keeps those hooks out of
 * the strategies.
 *
 * <p>A failure that is not a {@link RuntimeException} (an {@link Error}, a sneaky checked exception)
 * is signalled wrapped in a {@link RuntimeException} whose cause it is: both libraries rethrow fatal
 * errors on the rail's thread instead of signalling them, which would leave the pipeline without a
 * terminal signal. The job holds the original.
 *
 * <p>Threading: the consumers {@link #around} returns are called by any number of rail threads at
 * once, for disjoint units; {@link #signal()} and {@link #stopAndAwait()} by the thread that runs the
 * job. When {@link #stopAndAwait()} returns, every unit a rail computed happens-before the return and
 * no rail starts another.
 */
public final class RailGuard {

    private final StopOnFailure job;
    private final InFlight inFlight = new InFlight();
    private final AtomicReference<RuntimeException> signal = new AtomicReference<>();

    /** A guard for {@code job}'s rails. */
    public RailGuard(StopOnFailure job) {
        this.job = job;
    }

    /**
     * {@code work} guarded: a unit is computed unless the job is stopped, and its first failure is
     * recorded on the job, then signalled. Make it once per pipeline, not per unit.
     */
    public IntConsumer around(IntConsumer work) {
        return unit -> guarded(work, unit);
    }

    /** The exception a rail threw into the pipeline, or null when none has. */
    public RuntimeException signal() {
        return signal.get();
    }

    /**
     * Lets no rail start another unit and waits for the units in flight; see
     * {@link InFlight#stopAndAwait()}. Call it after the pipeline has ended or the job has been stopped.
     */
    public void stopAndAwait() {
        inFlight.stopAndAwait();
    }

    private void guarded(IntConsumer work, int id) {
        if (!inFlight.enter()) {
            return;
        }
        try {
            if (!job.stopped()) {
                work.accept(id);
            }
        } catch (Throwable t) {
            boolean first = !job.stopped();
            job.fail(t);
            RuntimeException carried = t instanceof RuntimeException e ? e : new RailFailure(t);
            if (first && signal.compareAndSet(null, carried)) {
                throw carried;
            }
        } finally {
            inFlight.leave();
        }
    }

    /** Carries a rail's {@link Error} or checked exception through the library as an ordinary error signal. */
    private static final class RailFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RailFailure(Throwable cause) {
            super("a rail failed: " + cause, cause, false, false);
        }
    }
}
