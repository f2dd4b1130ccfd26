package arena.strategy.akkacluster;

/**
 * A worker node's exception, as far as it crossed the network: its class name and message (the
 * exception object itself is never serialized; Java serialization is off). The cause of the
 * {@link arena.core.WorkerFailedException} a failed chunk turns into. Immutable.
 */
public final class RemoteWorkerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String className;
    private final String remoteMessage;

    /**
     * @param className     the fully qualified class name of the worker's exception
     * @param remoteMessage its message, or {@code null} when it had none
     */
    public RemoteWorkerException(String className, String remoteMessage) {
        super(className + (remoteMessage == null ? "" : ": " + remoteMessage));
        this.className = className;
        this.remoteMessage = remoteMessage;
    }

    /** The fully qualified class name of the exception thrown on the worker node. */
    public String className() {
        return className;
    }

    /** The message of the exception thrown on the worker node, or {@code null}. */
    public String remoteMessage() {
        return remoteMessage;
    }
}
