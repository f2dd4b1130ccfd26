package arena.strategy.akkacluster;

import arena.core.input.InvalidInputException;
import arena.core.input.NumberText;
import java.util.Map;

/**
 * Where the strategy's workers come from, read from the provider options: exactly one of
 * {@code join=host:port} (join a running cluster of {@code arena worker} nodes) or
 * {@code local-workers=N} (start N worker JVMs on this machine); and how the nodes talk
 * ({@code tls}, {@code insecure}, {@code fast-failure-detection}: {@link NodeOptions}). Immutable.
 *
 * @param contact      the running cluster's contact node, or {@code null} with local workers
 * @param localWorkers the number of worker JVMs to start, or 0 with a contact
 * @param node         the transport and timings of the coordinator and of the worker JVMs it starts
 */
record ClusterOptions(HostPort contact, int localWorkers, NodeOptions node) {

    /** The most worker JVMs {@code local-workers} starts on one machine. */
    static final int MAX_LOCAL_WORKERS = 64;

    private static final String NEEDS_WORKERS = "strategy 'akka-cluster' needs worker nodes: give option join=host:port of a "
            + "running cluster (started with 'arena worker --host H --port P --join H:P'), or local-workers=N to start N "
            + "worker JVMs on this machine";

    /**
     * Reads the options.
     *
     * @throws InvalidInputException naming {@code join} when neither or both options are given or the
     *                               contact is not {@code host:port}, naming {@code local-workers} when N is
     *                               not a whole number from 1 to {@link #MAX_LOCAL_WORKERS}, naming
     *                               {@code tls} or a flag as {@link NodeOptions#from} does
     */
    static ClusterOptions from(Map<String, String> options) {
        String contact = options.get("join");
        String local = options.get("local-workers");
        if (contact == null && local == null) {
            throw new InvalidInputException("join", NEEDS_WORKERS);
        }
        if (contact != null && local != null) {
            throw new InvalidInputException("join", "give either join or local-workers, not both: join joins a running "
                    + "cluster, local-workers starts its own");
        }
        if (contact != null) {
            return new ClusterOptions(HostPort.parse("join", contact), 0, NodeOptions.from(options));
        }
        int count = NumberText.wholeNumber("local-workers", local, 1, MAX_LOCAL_WORKERS);
        return new ClusterOptions(null, count, NodeOptions.from(options));
    }

    /** Whether the coordinator starts its own worker JVMs (and is then the cluster's first node). */
    boolean startsLocalWorkers() {
        return contact == null;
    }
}
