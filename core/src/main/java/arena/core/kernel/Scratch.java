package arena.core.kernel;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * A kernel's scratch space, one per computing thread, reused from call to call so that a warm call
 * allocates nothing. A platform thread keeps its own (a {@link ThreadLocal}); a virtual thread, which
 * may live for a single chunk, borrows one from a small pool of spares and gives it back, so a
 * strategy that starts a virtual thread per row does not make (and fill) new scratch space per row.
 *
 * <p>Threading: thread-safe. {@link #take} and {@link #give} pair up on one thread; a taken scratch
 * belongs to that thread alone until it is given back (the pool's atomic hand-over orders the uses).
 */
final class Scratch<T> {

    private final Supplier<T> factory;
    private final ThreadLocal<T> own;
    private final AtomicReferenceArray<T> spares = new AtomicReferenceArray<>(Math.max(8, 2 * Runtime.getRuntime().availableProcessors()));

    Scratch(Supplier<T> factory) {
        this.factory = factory;
        this.own = ThreadLocal.withInitial(factory);
    }

    /** This thread's scratch: its own on a platform thread, a spare (or a new one) on a virtual thread. */
    T take() {
        if (!Thread.currentThread().isVirtual()) {
            return own.get();
        }
        for (int i = 0; i < spares.length(); i++) {
            T spare = spares.getAndSet(i, null);
            if (spare != null) {
                return spare;
            }
        }
        return factory.get();
    }

    /** Ends this thread's use of {@code scratch}: a virtual thread's goes back to the spares (or is dropped if they are full). */
    void give(T scratch) {
        if (!Thread.currentThread().isVirtual()) {
            return;
        }
        for (int i = 0; i < spares.length(); i++) {
            if (spares.compareAndSet(i, null, scratch)) {
                return;
            }
        }
    }
}
