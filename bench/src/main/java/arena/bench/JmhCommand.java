package arena.bench;

import arena.core.InvalidInputException;
import arena.core.StrategyProvider;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Unmatched;

/**
 * {@code arena jmh [JMH options]}: runs the JMH suite of this jar ({@code ComputeBenchmark},
 * {@code FractionBenchmark}, {@code KernelBenchmark}) with JMH's own command line. Unless the
 * arguments say otherwise it adds {@code -p strategy=} every strategy that joins default selections
 * (so a new module is benchmarked without editing a benchmark) and passes this JVM's flags to the
 * forks ({@code -jvmArgsAppend}). Runs on the main thread; JMH starts the forked JVMs.
 */
@Command(name = "jmh", description = "Runs the JMH benchmarks with JMH's options, e.g. 'arena jmh -f 1 -wi 3 -i 5 ComputeBenchmark'. 'arena jmh -h' shows JMH's help.")
public final class JmhCommand implements Callable<Integer> {

    @ParentCommand
    ArenaCli parent;

    @Unmatched
    List<String> jmhArguments = new ArrayList<>();

    @Override
    public Integer call() throws RunnerException {
        List<String> arguments = new ArrayList<>(jmhArguments);
        if (!setsStrategy(arguments)) {
            arguments.add("-p");
            arguments.add("strategy=" + parent.registry().defaults().stream().map(StrategyProvider::name).collect(Collectors.joining(",")));
        }
        if (arguments.stream().noneMatch(a -> a.startsWith("-jvmArgs"))) {
            List<String> flags = ManagementFactory.getRuntimeMXBean().getInputArguments();
            if (!flags.isEmpty()) {
                arguments.add("-jvmArgsAppend");
                arguments.add(String.join(" ", flags));
            }
        }
        CommandLineOptions options;
        try {
            options = new CommandLineOptions(arguments.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new InvalidInputException("jmh", "jmh options: " + e.getMessage());
        }
        if (options.shouldHelp() || options.shouldList() || options.shouldListWithParams() || options.shouldListProfilers()
                || options.shouldListResultFormats()) {
            if (options.shouldHelp()) {
                try {
                    options.showHelp();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return ExitCode.OK;
            }
            new Runner(options).list();
            return ExitCode.OK;
        }
        new Runner(options).run();
        return ExitCode.OK;
    }

    private static boolean setsStrategy(List<String> arguments) {
        for (int i = 0; i + 1 < arguments.size(); i++) {
            if (arguments.get(i).equals("-p") && arguments.get(i + 1).startsWith("strategy=")) {
                return true;
            }
        }
        return false;
    }
}
