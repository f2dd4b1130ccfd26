package arena.core.concurrent;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The first failure of a run's workers, kept as the very instance a worker threw; later failures
 * are dropped. A run's caller hands {@link #fail} to its workers (or to their futures' callbacks) and,
 * once they have all ended, calls {@link #throwIfFailed()}.
 *
 * <p>Threading: {@link #fail}, {@link #stopped()} and {@link #cause()} may be called from any thread
 * at once; the first {@link #fail} happens-before every read that returns its cause.
 */
public final class FirstFailure implements StopOnFailure {

    private static final VarHandle FIRST;

    static {
        try {
            FIRST = MethodHandles.lookup().findVarHandle(FirstFailure.class, "first", Throwable.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // written through FIRST
    private volatile Throwable first;

    @Override
    public boolean stopped() {
        return first != null;
    }

    @Override
    public void fail(Throwable cause) {
        FIRST.compareAndSet(this, null, cause);
    }

    /** The first recorded failure, or null when none is. */
    public Throwable cause() {
        return first;
    }

    /**
     * Returns when no failure is recorded; otherwise throws the first one itself when it is a
     * {@link RuntimeException} or an {@link Error}, or a {@link IllegalStateException} carrying it
     * (a checked exception a worker threw sneakily).
     */
    public void throwIfFailed() {
        Throwable cause = first;
        if (cause == null) {
            return;
        }
        if (cause instanceof RuntimeException e) {
            throw e;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("a worker failed: " + cause, cause);
    }
}
