package arena.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Options for strategies that need more than a thread count: today the {@code akka-cluster}
 * strategy's workers ({@code --seed} of a running cluster, or {@code --local-workers} to start some).
 * Each strategy receives only the options its provider declares. Filled in by picocli.
 */
public final class StrategyOptions {

    @Option(names = "--seed", paramLabel = "HOST:PORT",
            description = "akka-cluster: join the running cluster of 'arena worker' nodes at this seed node")
    String seed;

    @Option(names = "--local-workers", paramLabel = "N",
            description = "akka-cluster: start N worker JVMs on this machine for the run, and stop them afterwards")
    String localWorkers;

    /** The options given, by the names providers declare them under. */
    public Map<String, String> toMap() {
        Map<String, String> options = new LinkedHashMap<>();
        if (seed != null) {
            options.put("seed", seed);
        }
        if (localWorkers != null) {
            options.put("local-workers", localWorkers);
        }
        return options;
    }
}
