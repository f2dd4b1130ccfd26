package arena.bench.cli;

import arena.bench.measure.ForkLine;
import arena.bench.measure.ForkedRun;
import arena.bench.measure.Measurement;
import arena.bench.measure.MemoryCheck;
import arena.bench.measure.Reference;
import arena.core.StrategyRegistry;
import arena.core.problem.JuliaParams;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code arena fork-child}, hidden: one child JVM of {@code compare --forks}. Takes {@code compare}'s
 * options (its parent passes them on, with {@code --strategies} naming one strategy, and {@link #REVERSED}
 * for the second fork of each ABBA pair), verifies and times exactly as {@code compare} does in-process
 * (in reverse order when asked), and prints one {@link ForkLine} as a JSON line per
 * measured configuration on stdout, in the order measured, nothing else. Runs on the main thread.
 *
 * <p>For tests, the system property {@link ForkedRun#FAULT_PROPERTY} makes it crash
 * ({@code halt}: the JVM halts with 7) or print a line that is not JSON ({@code garbage}).
 */
@Command(name = ForkChildCommand.NAME, hidden = true,
        description = "Internal: measures one strategy for 'compare --forks' and prints JSON lines.")
final class ForkChildCommand extends CompareCommand {

    /** The command's name. */
    static final String NAME = "fork-child";

    /** The flag that makes a child measure its configurations in reverse order (the second fork of an ABBA pair). */
    static final String REVERSED = "--reversed";

    @Option(names = REVERSED, hidden = true, description = "Measure the configurations in reverse order.")
    boolean reversed;

    ForkChildCommand(StrategyRegistry registry) {
        super(registry);
    }

    @Override
    Integer run() {
        String fault = System.getProperty(ForkedRun.FAULT_PROPERTY, "");
        if (fault.equals("halt")) {
            System.err.println("fork-child: halting as " + ForkedRun.FAULT_PROPERTY + " asks");
            System.err.flush();
            Runtime.getRuntime().halt(7);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (fault.equals("garbage")) {
            out.println("this is not JSON");
            out.flush();
        }
        List<JuliaParams> problems = problem.toProblems();
        problems.forEach(p -> MemoryCheck.requireRoom(p, 2));
        var configurations = selection.expand(registry).configurations();
        for (int p = 0; p < problems.size(); p++) {
            for (Measurement measurement : measureProblem(Reference.of(problems.get(p)), configurations, comparison(), label -> { }, reversed)) {
                out.println(ForkedRun.json(ForkLine.of(p, measurement)));
            }
            out.flush();
        }
        return ExitCode.OK;
    }
}
