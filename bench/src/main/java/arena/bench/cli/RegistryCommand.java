package arena.bench.cli;

import arena.core.StrategyRegistry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that chooses among the strategies of a registry, which {@link CommandFactory} passes
 * to its constructor; its {@link #spec} gives its output streams. Subclasses inherit
 * {@code --help} and {@code --version}. Runs on the main thread.
 */
@Command(mixinStandardHelpOptions = true, versionProvider = VersionProvider.class)
abstract class RegistryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** The strategies this command line runs over. */
    final StrategyRegistry registry;

    RegistryCommand(StrategyRegistry registry) {
        this.registry = registry;
    }
}
