package arena.bench.cli;

import arena.bench.measure.Bootstrap;
import arena.bench.report.Diff;
import arena.bench.report.DiffFormat;
import arena.bench.report.JmhDiff;
import arena.bench.report.JmhResultsFile;
import arena.bench.report.ResultsFile;
import arena.core.input.InvalidInputException;
import arena.core.input.NumberText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code arena diff BASELINE CURRENT}: the CI gate. Reads two results.json files written by
 * {@code arena compare --out}, or two JMH result files ({@code -rf json}, told apart by content; see
 * {@link JmhDiff}; a JMH file against a results.json is bad input), pairs their configurations by strategy, kernel, threads, schedule
 * and problem, and for each pair prints both medians and the ratio current/baseline with its
 * bootstrap interval (all pairs' intervals together at 95%: {@link arena.bench.measure.FamilyWise})
 * and a verdict (see {@link Diff}). Exits 5 when any pair is significantly
 * slower, 0 otherwise, and 2 (one line on stderr) when the files cannot be compared: unreadable,
 * a wrong or changed result, no problem in common, or another environment without
 * {@code --allow-env-change}. The bootstrap is seeded, so the same files give the same output.
 * Runs on the main thread and only reads files.
 */
@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Compares two results.json files of 'arena compare --out', or two JMH JSON result files (-rf json), "
                + "and exits 5 on a significant slowdown; all pairs' intervals hold together at 95%% (Bonferroni).")
public final class DiffCommand implements Callable<Integer> {

    /** The bootstrap's seed unless {@code --seed} says otherwise. */
    public static final long DEFAULT_SEED = 42;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASELINE", description = "the results.json (or JMH JSON file) to compare against")
    Path baseline;

    @Parameters(index = "1", paramLabel = "CURRENT", description = "the results.json (or JMH JSON file) under test")
    Path current;

    @Option(names = "--threshold", paramLabel = "PERCENT", defaultValue = "5",
            description = "the least change that counts as slower or faster, 0..100 (default: ${DEFAULT-VALUE})")
    String threshold;

    @Option(names = "--allow-env-change", description = "compare files from different CPUs, core counts or JDKs, noting the differences")
    boolean allowEnvironmentChange;

    @Option(names = "--format", paramLabel = "F", converter = DiffFormat.Converter.class, defaultValue = "text", description = "text, json or markdown (default: ${DEFAULT-VALUE})")
    DiffFormat format;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + DEFAULT_SEED,
            description = "the bootstrap's random seed (default: ${DEFAULT-VALUE})")
    String seed;

    @Override
    public Integer call() {
        double fraction = Numbers.finiteIn("threshold", threshold, 0, 100) / 100;
        long seedValue = parseSeed(seed);
        Optional<Boolean> baselineIsJmh = JmhResultsFile.isJmhFile(baseline);
        Optional<Boolean> currentIsJmh = JmhResultsFile.isJmhFile(current);
        boolean jmh = baselineIsJmh.orElse(false);
        if (baselineIsJmh.isPresent() && currentIsJmh.isPresent() && !baselineIsJmh.equals(currentIsJmh)) {
            throw new InvalidInputException("current", "current " + current + " is " + (jmh ? "a results.json" : "a JMH result file")
                    + " but baseline " + baseline + " is " + (jmh ? "a JMH result file" : "a results.json") + "; diff two files of one kind");
        }
        PrintWriter out = spec.commandLine().getOut();
        long slower;
        if (jmh) {
            JmhDiff diff = JmhDiff.of(JmhResultsFile.read(baseline, "baseline"), JmhResultsFile.read(current, "current"), fraction,
                    allowEnvironmentChange, seedValue, Bootstrap.DEFAULT_RESAMPLES);
            out.print(format.render(diff));
            slower = diff.count(Diff.Verdict.SLOWER);
        } else {
            Diff diff = Diff.of(ResultsFile.read(baseline, "baseline"), ResultsFile.read(current, "current"), fraction,
                    allowEnvironmentChange, seedValue, Bootstrap.DEFAULT_RESAMPLES);
            out.print(format.render(diff));
            slower = diff.count(Diff.Verdict.SLOWER);
        }
        out.flush();
        return slower > 0 ? ExitCode.SLOWER : ExitCode.OK;
    }

    private static long parseSeed(String text) {
        return NumberText.wholeLong("seed", text, Long.MIN_VALUE, Long.MAX_VALUE);
    }
}
