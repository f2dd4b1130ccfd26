package arena.strategy.akkacluster;

import arena.core.input.InvalidInputException;
import arena.core.input.NumberText;
import java.util.Map;

/**
 * Where the strategy's workers come from, read from the provider options: exactly one of
 * {@code seed=host:port} (join a running cluster of {@code arena worker} nodes) or
 * {@code local-workers=N} (start N worker JVMs on this machine). Immutable.
 *
 * @param seed         the running cluster's seed node, or {@code null} with local workers
 * @param localWorkers the number of worker JVMs to start, or 0 with a seed
 */
record ClusterOptions(HostPort seed, int localWorkers) {

    /** The most worker JVMs {@code local-workers} starts on one machine. */
    static final int MAX_LOCAL_WORKERS = 64;

    private static final String NEEDS_WORKERS = "strategy 'akka-cluster' needs worker nodes: give option seed=host:port of a "
            + "running cluster (started with 'arena worker --host H --port P --seed H:P'), or local-workers=N to start N "
            + "worker JVMs on this machine";

    /**
     * Reads the options.
     *
     * @throws InvalidInputException naming {@code seed} when neither or both options are given or the
     *                               seed is not {@code host:port}, naming {@code local-workers} when N is
     *                               not a whole number from 1 to {@link #MAX_LOCAL_WORKERS}
     */
    static ClusterOptions from(Map<String, String> options) {
        String seed = options.get("seed");
        String local = options.get("local-workers");
        if (seed == null && local == null) {
            throw new InvalidInputException("seed", NEEDS_WORKERS);
        }
        if (seed != null && local != null) {
            throw new InvalidInputException("seed", "give either seed or local-workers, not both: seed joins a running "
                    + "cluster, local-workers starts its own");
        }
        if (seed != null) {
            return new ClusterOptions(HostPort.parse("seed", seed), 0);
        }
        return new ClusterOptions(null, NumberText.wholeNumber("local-workers", local, 1, MAX_LOCAL_WORKERS));
    }

    /** Whether the coordinator starts its own worker JVMs (and is then the cluster's seed). */
    boolean startsLocalWorkers() {
        return seed == null;
    }
}
