package arena.core;

/**
 * A worker of a strategy failed while computing: the counterpart of the chapter's {@code with gil:}
 * raise inside {@code prange}. {@link #getCause()} is the worker's original exception, unwrapped
 * from any executor's or framework's envelope. Immutable.
 */
public final class WorkerFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param strategy the strategy whose worker failed
     * @param cause    the worker's original exception
     */
    public WorkerFailedException(String strategy, Throwable cause) {
        super("a worker of strategy '" + strategy + "' failed: " + cause, cause);
    }
}
