package arena.core.kernel;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * A kernel's scratch space, reused from call to call so that a warm call allocates nothing: a call
 * takes a spare from a small pool and gives it back when it ends. Unlike a {@link ThreadLocal}, the
 * spares outlive the threads that used them, so a strategy that starts new threads for every grid
 * (platform threads per run, a virtual thread per row) finds warm scratch space (and, for the vector
 * kernel, a warm estimate of the escape rate) instead of making and filling new space per thread.
 *
 * <p>Threading: thread-safe. A taken scratch belongs to the taking thread alone until it gives it back;
 * the pool's atomic hand-over orders one thread's use before the next one's.
 */
final class Scratch<T> {

    private final Supplier<T> factory;
    private final AtomicReferenceArray<T> spares = new AtomicReferenceArray<>(Math.max(8, 2 * Runtime.getRuntime().availableProcessors()));

    Scratch(Supplier<T> factory) {
        this.factory = factory;
    }

    /** A spare, or a new one when every spare is taken. */
    T take() {
        for (int i = 0; i < spares.length(); i++) {
            T spare = spares.getAndSet(i, null);
            if (spare != null) {
                return spare;
            }
        }
        return factory.get();
    }

    /** Ends this thread's use of {@code scratch}: it goes back to the spares (or is dropped if they are full). */
    void give(T scratch) {
        for (int i = 0; i < spares.length(); i++) {
            if (spares.get(i) == null && spares.compareAndSet(i, null, scratch)) {
                return;
            }
        }
    }
}
