package arena.bench.cli;

import arena.bench.measure.Comparison;
import arena.bench.measure.Configuration;
import arena.bench.measure.Environment;
import arena.bench.measure.Measurement;
import arena.bench.measure.MemoryCheck;
import arena.bench.measure.OpenStrategies;
import arena.bench.measure.Reference;
import arena.bench.report.OutputDirectory;
import arena.bench.report.Report;
import arena.bench.report.ReportFiles;
import arena.bench.report.ReportFormat;
import arena.core.Schedule;
import arena.core.StrategyRegistry;
import arena.core.kernel.Kernel;
import arena.core.problem.JuliaParams;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code arena compare}: the main job. Verifies, then times every selected configuration on every
 * problem of the sweep, beside the {@code sequential} baseline at one thread, and prints a table
 * sorted by median; {@code --out DIR} also writes CSV, JSON, Markdown and PNG charts. A result that
 * differs from the reference is reported and makes the command exit 1, never timed. Runs on the
 * main thread; strategies are opened one at a time, outside the timed regions.
 */
@Command(name = "compare", description = "Verifies and times every selected strategy x kernel x threads x schedule, side by side.")
public final class CompareCommand extends StrategyRunCommand {

    CompareCommand(StrategyRegistry registry) {
        super(registry);
    }

    @Mixin
    SelectionOptions selection;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1",
            description = "untimed runs per configuration after its verification run, 0..1000 (default: ${DEFAULT-VALUE})")
    String warmup;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "5",
            description = "the least number of measured samples per configuration, 1..10000 (default: ${DEFAULT-VALUE})")
    String repeat;

    @Option(names = "--max-repeat", paramLabel = "N", defaultValue = "30",
            description = "the most samples per configuration, >= --repeat (default: ${DEFAULT-VALUE})")
    String maxRepeat;

    @Option(names = "--budget", paramLabel = "SECONDS", defaultValue = "0.5",
            description = "keep sampling a configuration beyond --repeat while its samples took less than this, 0..3600 (default: ${DEFAULT-VALUE})")
    String budget;

    @Option(names = "--timeline", description = "after its samples, record one more run of each configuration and add its "
            + "load imbalance (max / mean busy time per worker) and idle share to every report")
    boolean timeline;

    @Option(names = "--out", paramLabel = "DIR", description = "also write results.csv, results.json, report.md and PNG charts into DIR: a new directory or one holding a previous set of arena's own, which is replaced as a whole")
    Path out;

    @Option(names = "--format", paramLabel = "F", converter = ReportFormat.Converter.class, defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    ReportFormat format;

    @Override
    Integer run() throws Exception {
        List<JuliaParams> problems = problem.toProblems();
        problems.forEach(p -> MemoryCheck.requireRoom(p, 2));
        SelectionOptions.Expansion expansion = selection.expand(registry);
        strategyOptions.requireUsedBy(expansion.providers(), registry);
        int minSamples = Numbers.wholeNumber("repeat", repeat, 1, 10_000);
        Comparison comparison = new Comparison(
                Numbers.wholeNumber("warmup", warmup, 0, 1000), minSamples,
                Numbers.wholeNumber("max-repeat", maxRepeat, minSamples, 10_000),
                Numbers.finiteIn("budget", budget, 0, 3600) * 1000);
        OutputDirectory outDirectory = out == null ? null : OutputDirectory.check("out", out);
        Environment environment = Environment.current();
        Set<Kernel> kernels = new LinkedHashSet<>();
        expansion.configurations().forEach(c -> kernels.add(c.kernel()));

        List<Measurement> measurements = new ArrayList<>();
        long steps = (long) problems.size() * (expansion.configurations().size() + kernels.size());
        try (Progress progress = Progress.start("compare", steps)) {
            for (JuliaParams params : problems) {
                Reference reference = Reference.of(params);
                for (Kernel kernel : kernels) {
                    Comparison.warmUpKernel(kernel, reference);
                }
                List<Measurement> forProblem = new ArrayList<>();
                try (OpenStrategies open = new OpenStrategies(strategyOptions.toMap())) {
                    for (Kernel kernel : kernels) {
                        Configuration baseline = new Configuration(registry.find(StrategyRegistry.REFERENCE),
                                kernel, 1, new Schedule.Static(0));
                        progress.step(baseline.label());
                        Measurement measured = comparison.measure(open.get(baseline), baseline, reference, Double.NaN);
                        forProblem.add(measured);
                        double baselineMedian = measured.identical() ? measured.stats().median() : Double.NaN;
                        for (Configuration configuration : expansion.configurations()) {
                            if (configuration.kernel().equals(kernel) && !configuration.equals(baseline)) {
                                progress.step(configuration.label());
                                Measurement measurement = comparison.measure(open.get(configuration), configuration, reference, baselineMedian);
                                if (timeline && measurement.identical()) {
                                    measurement = measurement.withTimeline(Comparison.record(open.get(configuration), configuration, reference));
                                }
                                forProblem.add(measurement);
                            }
                        }
                    }
                }
                forProblem.sort(Comparator.comparing((Measurement m) -> !m.identical())
                        .thenComparingDouble(m -> m.identical() ? m.stats().median() : 0));
                measurements.addAll(forProblem);
            }
        }
        Report report = new Report(environment, measurements, expansion.skipped());
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(format.render(report));
        stdout.flush();
        if (outDirectory != null) {
            ReportFiles.write(report, outDirectory);
            if (format == ReportFormat.text) {
                stdout.println("wrote " + outDirectory.path() + ": " + String.join(", ", ReportFiles.NAMES));
                stdout.flush();
            }
        }
        return report.allIdentical() ? ExitCode.OK : ExitCode.RESULT_DIFFERS;
    }
}
