package arena.strategy.executor;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The caller's side of the one-future-per-task idiom: {@code get()} every future, in list order,
 * until each one is done.
 *
 * <p>Threading: called by the strategy's caller, one call at a time. A successful {@code get()}
 * happens-after everything its task did, so once {@link #awaitAll} returns, every task's writes are
 * visible to the caller. The callbacks run on the caller's thread.
 */
final class Futures {

    private Futures() {
    }

    /**
     * Waits until every future in {@code futures} is done and returns only then, also after a failure
     * or an interrupt. A task's exception is handed to {@code onFailure} unwrapped from its
     * {@link ExecutionException}, so it is the very throwable the task threw. If the caller is
     * interrupted while it waits, {@code onInterrupt} runs once, the waiting goes on (a task must
     * never outlive the call), and the interrupt status is set again before returning.
     *
     * <p>No future is ever cancelled: {@link Future#cancel} makes {@code get()} return at once even
     * while the task is still running, which would break the wait-for-every-task promise. Tasks stop
     * early by checking their job instead.
     */
    static void awaitAll(List<? extends Future<?>> futures, Consumer<Throwable> onFailure, Runnable onInterrupt) {
        boolean interrupted = false;
        for (Future<?> future : futures) {
            boolean done = false;
            while (!done) {
                try {
                    future.get();
                    done = true;
                } catch (ExecutionException e) {
                    onFailure.accept(e.getCause());
                    done = true;
                } catch (InterruptedException e) {
                    if (!interrupted) {
                        interrupted = true;
                        onInterrupt.run();
                    }
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
