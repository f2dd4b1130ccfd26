package arena.bench.cli;

import arena.core.StrategyProvider;
import arena.core.StrategyRegistry;
import arena.core.testkit.WrongProvider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** Runs the real CLI entry point in-process and captures its exit code, stdout and stderr. */
record CliRunner(int exitCode, String out, String err) {

    static CliRunner run(String... args) {
        return run(StrategyRegistry.discover(), args);
    }

    /**
     * Runs over exactly {@code registry}'s strategies, so a test can add fixtures such as a wrong
     * strategy. A {@code compare} without {@code --forks} runs in-process ({@code --forks=0} is
     * added): fixtures registered in code are invisible to a child JVM, and forks are
     * {@link ForkedCompareTest}'s subject.
     */
    static CliRunner run(StrategyRegistry registry, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> given = List.of(args);
        if (!given.isEmpty() && given.get(0).equals("compare") && given.stream().noneMatch(a -> a.startsWith("--forks"))) {
            List<String> inProcess = new ArrayList<>(given);
            inProcess.add("--forks=0");
            args = inProcess.toArray(String[]::new);
        }
        int code = ArenaCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), registry);
        return new CliRunner(code, out.toString(), err.toString());
    }

    /** The discovered strategies plus the deliberately wrong test fixture. */
    static StrategyRegistry withWrongStrategy() {
        List<StrategyProvider> providers = new ArrayList<>(StrategyRegistry.discover().all());
        providers.add(new WrongProvider());
        return StrategyRegistry.of(providers);
    }
}
