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

    /** Runs over exactly {@code registry}'s strategies, so a test can add fixtures such as a wrong strategy. */
    static CliRunner run(StrategyRegistry registry, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
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
