package arena.bench.cli;

import arena.core.StrategyProvider;
import arena.core.StrategyRegistry;
import arena.core.input.InvalidInputException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Options for strategies that need more than a thread count: today the {@code akka-cluster}
 * strategy's workers ({@code --seed} of a running cluster, or {@code --local-workers} to start some).
 * Each strategy receives only the options its provider declares, and an option that no selected
 * strategy declares is refused ({@link #requireUsedBy}) rather than ignored. Filled in by picocli.
 */
public final class StrategyOptions {

    @Option(names = "--seed", paramLabel = "HOST:PORT",
            description = "akka-cluster: join the running cluster of 'arena worker' nodes at this seed node")
    String seed;

    @Option(names = "--local-workers", paramLabel = "N",
            description = "akka-cluster: start N worker JVMs on this machine for the run, and stop them afterwards")
    String localWorkers;

    /**
     * Refuses an option that none of the {@code selected} strategies takes, naming the option, the
     * strategies that take it and the ones selected.
     *
     * @throws InvalidInputException naming the first such option
     */
    public void requireUsedBy(Collection<StrategyProvider> selected, StrategyRegistry registry) {
        for (String option : toMap().keySet()) {
            if (selected.stream().noneMatch(p -> p.capabilities().options().contains(option))) {
                List<String> takers = registry.all().stream().filter(p -> p.capabilities().options().contains(option))
                        .map(StrategyProvider::name).toList();
                throw new InvalidInputException(option, "--" + option + " applies only to "
                        + (takers.isEmpty() ? "no strategy found here" : "strategy " + String.join(", ", takers))
                        + ", which is not selected (selected: "
                        + String.join(", ", selected.stream().map(StrategyProvider::name).distinct().toList())
                        + "); select it or drop --" + option);
            }
        }
    }

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
