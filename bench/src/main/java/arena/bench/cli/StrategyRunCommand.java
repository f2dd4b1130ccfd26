package arena.bench.cli;

import arena.core.StrategyRegistry;
import picocli.CommandLine.Mixin;

/**
 * What every command that runs strategies shares ({@code compare}, {@code compute},
 * {@code verify}, {@code timeline}): the problem options, {@code --timeout} around the whole run,
 * and the options the providers declare. Runs on the main thread.
 */
abstract class StrategyRunCommand extends RegistryCommand {

    @Mixin
    ProblemOptions problem;

    @Mixin
    TimeoutOption timeout;

    @Mixin
    StrategyOptions strategyOptions;

    StrategyRunCommand(StrategyRegistry registry) {
        super(registry);
    }

    /** Runs the command under {@code --timeout}. */
    @Override
    public final Integer call() throws Exception {
        return timeout.guard(this::run);
    }

    /** The command's work; returns its exit code. */
    abstract Integer run() throws Exception;
}
