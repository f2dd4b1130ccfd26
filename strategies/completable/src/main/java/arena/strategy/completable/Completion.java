package arena.strategy.completable;

import arena.core.concurrent.Uninterruptibly;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * The caller's side of the strategy's futures: waiting for a combined future (an {@code allOf}, or the
 * end of a {@code thenCombine} chain) and taking a stage's exception out of its envelope.
 *
 * <p>Threading: {@link #await} is called by the strategy's caller, one call at a time; its callbacks
 * run on the caller's thread. {@link #unwrap} is pure and may be called from any thread.
 */
final class Completion {

    private Completion() {
    }

    /**
     * Waits until {@code combined} is complete and returns only then, also after a failure or an
     * interrupt ({@link Uninterruptibly#get}): the wait uses {@link CompletableFuture#get()}, so an
     * interrupt of the caller is seen, runs {@code onInterrupt}, and the wait goes on; the interrupt
     * status is set again before returning. An exceptional completion goes to {@code onFailure},
     * unwrapped.
     */
    static void await(CompletableFuture<?> combined, Consumer<Throwable> onFailure, Runnable onInterrupt) {
        try {
            Uninterruptibly.get(combined, onInterrupt);
        } catch (ExecutionException e) {
            onFailure.accept(unwrap(e.getCause()));
        }
    }

    /**
     * The exception a stage's action threw: {@code failure} without the {@link CompletionException}
     * that {@code CompletableFuture} wraps around it when it completes a stage with it. (An action
     * that itself throws a {@code CompletionException} with a cause cannot be told from the envelope
     * and is unwrapped too; the kernels throw no such thing.)
     */
    static Throwable unwrap(Throwable failure) {
        if (failure instanceof CompletionException && failure.getCause() != null) {
            return failure.getCause();
        }
        return failure;
    }
}
