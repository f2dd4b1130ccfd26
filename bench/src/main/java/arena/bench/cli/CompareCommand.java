package arena.bench.cli;

import arena.bench.measure.Comparison;
import arena.bench.measure.Configuration;
import arena.bench.measure.Environment;
import arena.bench.measure.ForkFailedException;
import arena.bench.measure.ForkLine;
import arena.bench.measure.ForkedRun;
import arena.bench.measure.Measurement;
import arena.bench.measure.MemoryCheck;
import arena.bench.measure.OpenStrategies;
import arena.bench.measure.Reference;
import arena.bench.measure.SampleContext;
import arena.bench.measure.Stats;
import arena.bench.measure.Verification;
import arena.bench.report.OutputDirectory;
import arena.bench.report.Report;
import arena.bench.report.ReportFiles;
import arena.bench.report.ReportFormat;
import arena.core.Schedule;
import arena.core.StrategyRegistry;
import arena.core.input.InvalidInputException;
import arena.core.kernel.Kernel;
import arena.core.problem.JuliaParams;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * {@code arena compare}: the main job. Verifies, then times every selected configuration on every
 * problem of the sweep, beside the {@code sequential} baseline at one thread, and prints a table
 * sorted by median; {@code --out DIR} also writes CSV, JSON, Markdown and PNG charts. A result that
 * differs from the reference is reported and makes the command exit 1, never timed. Runs on the
 * main thread; strategies are opened one at a time, outside the timed regions.
 */
@Command(name = "compare", description = "Verifies and times every selected strategy x kernel x threads x schedule, side by side.")
public class CompareCommand extends StrategyRunCommand {

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

    @Option(names = "--forks", paramLabel = "N", defaultValue = "0",
            description = "measure each strategy's configurations (with the sequential baseline) in N fresh child JVMs, "
                    + "one after another, 0..20; --warmup, --repeat, --max-repeat and --budget then apply per fork and "
                    + "the forks' samples are pooled; 0 measures in this JVM, not forked (default: ${DEFAULT-VALUE})")
    String forks;

    /** The most forks per strategy. */
    static final int MAX_FORKS = 20;

    /** The options a child of {@code --forks} is not given: the parent's own, or ones it sets itself. */
    private static final Set<String> PARENT_ONLY = Set.of("--strategies", "--forks", "--out", "--format", "--timeout", "--timeline");

    @Override
    Integer run() throws Exception {
        List<JuliaParams> problems = problem.toProblems();
        problems.forEach(p -> MemoryCheck.requireRoom(p, 2));
        SelectionOptions.Expansion expansion = selection.expand(registry);
        strategyOptions.requireUsedBy(expansion.providers(), registry);
        Comparison comparison = comparison();
        int forkCount = Numbers.wholeNumber("forks", forks, 0, MAX_FORKS);
        if (forkCount > 0 && timeline) {
            throw new InvalidInputException("forks", "--timeline needs --forks 0 in this release; give one of the two");
        }
        OutputDirectory outDirectory = out == null ? null : OutputDirectory.check("out", out);
        Environment environment = Environment.current();
        List<Measurement> measurements = forkCount == 0
                ? measureInProcess(problems, expansion.configurations(), comparison)
                : measureForked(problems, expansion.configurations(), forkCount);
        Report report = new Report(environment, measurements, expansion.skipped());

        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(format.render(report));
        if (format == ReportFormat.text) {
            stdout.println("measured " + (forkCount == 0 ? "in-process, not forked"
                    : forkCount + (forkCount == 1 ? " fork" : " forks") + " per strategy"));
        }
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

    /** The sampling rule of {@code --warmup}, {@code --repeat}, {@code --max-repeat} and {@code --budget}. */
    Comparison comparison() {
        int minSamples = Numbers.wholeNumber("repeat", repeat, 1, 10_000);
        return new Comparison(
                Numbers.wholeNumber("warmup", warmup, 0, 1000), minSamples,
                Numbers.wholeNumber("max-repeat", maxRepeat, minSamples, 10_000),
                Numbers.finiteIn("budget", budget, 0, 3600) * 1000);
    }

    /** Measures every configuration in this JVM, problem by problem, each sorted by median; the progress bar counts configurations. */
    private List<Measurement> measureInProcess(List<JuliaParams> problems, List<Configuration> configurations, Comparison comparison) {
        Set<Kernel> kernels = kernelsOf(configurations);
        List<Measurement> measurements = new ArrayList<>();
        long steps = (long) problems.size() * (configurations.size() + kernels.size());
        try (Progress progress = Progress.start("compare", steps)) {
            for (JuliaParams params : problems) {
                List<Measurement> forProblem = measureProblem(Reference.of(params), configurations, comparison, progress::step);
                sortByMedian(forProblem);
                measurements.addAll(forProblem);
            }
        }
        return measurements;
    }

    /**
     * Warms every kernel up, then measures the {@code sequential} baseline of each kernel and every
     * configuration of that kernel on {@code reference}'s problem, in that order; {@code step} hears
     * each label before it is measured.
     */
    List<Measurement> measureProblem(Reference reference, List<Configuration> configurations, Comparison comparison, Consumer<String> step) {
        Set<Kernel> kernels = kernelsOf(configurations);
        for (Kernel kernel : kernels) {
            Comparison.warmUpKernel(kernel, reference);
        }
        List<Measurement> forProblem = new ArrayList<>();
        try (OpenStrategies open = new OpenStrategies(strategyOptions.toMap())) {
            for (Kernel kernel : kernels) {
                Configuration baseline = baselineOf(kernel);
                step.accept(baseline.label());
                Measurement measured = comparison.measure(open.get(baseline), baseline, reference, Double.NaN);
                forProblem.add(measured);
                double baselineMedian = measured.identical() ? measured.stats().median() : Double.NaN;
                for (Configuration configuration : configurations) {
                    if (configuration.kernel().equals(kernel) && !configuration.equals(baseline)) {
                        step.accept(configuration.label());
                        Measurement measurement = comparison.measure(open.get(configuration), configuration, reference, baselineMedian);
                        if (timeline && measurement.identical()) {
                            measurement = measurement.withTimeline(Comparison.record(open.get(configuration), configuration, reference));
                        }
                        forProblem.add(measurement);
                    }
                }
            }
        }
        return forProblem;
    }

    /**
     * Measures each strategy's configurations, with the baseline, in {@code forkCount} fresh child
     * JVMs one after another and pools every fork's samples per configuration (the baseline's over
     * all strategies' forks); the progress bar counts forks.
     */
    private List<Measurement> measureForked(List<JuliaParams> problems, List<Configuration> configurations, int forkCount) {
        Map<String, List<Configuration>> units = new LinkedHashMap<>();
        configurations.forEach(c -> units.computeIfAbsent(c.strategy(), s -> new ArrayList<>()).add(c));
        Map<String, ForkLine> firstLines = new LinkedHashMap<>();
        Pooled pooled = new Pooled(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
        ForkedRun forkedRun = new ForkedRun(ArenaCli.class.getName());
        int fork = 0;
        try (Progress progress = Progress.start("compare", (long) units.size() * forkCount)) {
            for (String unit : units.keySet()) {
                List<String> arguments = childArguments(unit);
                for (int i = 0; i < forkCount; i++) {
                    progress.step(unit + " fork " + (i + 1) + "/" + forkCount);
                    int child = fork++;
                    for (ForkLine line : forkedRun.run(unit, arguments, child)) {
                        String key = line.problem() + " " + line.label();
                        firstLines.putIfAbsent(key, line);
                        if (!firstLines.get(key).sha256().equals(line.sha256()) || line.samplesMs().isEmpty()) {
                            firstLines.put(key, line);
                        }
                        pooled.add(key, line, child);
                    }
                }
            }
        }
        List<Measurement> measurements = new ArrayList<>();
        for (int p = 0; p < problems.size(); p++) {
            Reference reference = Reference.of(problems.get(p));
            List<Measurement> forProblem = new ArrayList<>();
            for (Kernel kernel : kernelsOf(configurations)) {
                Configuration baseline = baselineOf(kernel);
                Measurement base = rebuilt(p, baseline, reference, firstLines, pooled, Double.NaN);
                forProblem.add(base);
                double baselineMedian = base.identical() ? base.stats().median() : Double.NaN;
                for (Configuration configuration : configurations) {
                    if (configuration.kernel().equals(kernel) && !configuration.equals(baseline)) {
                        forProblem.add(rebuilt(p, configuration, reference, firstLines, pooled, baselineMedian));
                    }
                }
            }
            sortByMedian(forProblem);
            measurements.addAll(forProblem);
        }
        return measurements;
    }

    /** The measurement of {@code configuration} on problem {@code p} from the children's lines. */
    private static Measurement rebuilt(int p, Configuration configuration, Reference reference, Map<String, ForkLine> firstLines,
                                       Pooled pooled, double baselineMedian) {
        String key = p + " " + configuration.label();
        ForkLine line = firstLines.get(key);
        if (line == null) {
            throw new ForkFailedException(configuration.strategy(), "did not report " + configuration.label());
        }
        Verification verification = line.verification(configuration, reference);
        boolean timed = verification.identical() && !line.samplesMs().isEmpty();
        List<Double> samples = timed ? pooled.samples().get(key) : List.of();
        return new Measurement(verification, samples,
                Double.isNaN(baselineMedian) && timed ? Stats.of(samples).median() : baselineMedian, null,
                timed ? pooled.forks().get(key) : List.of(), timed ? pooled.contexts().get(key) : List.of());
    }

    /** Every fork's samples per configuration key, with the fork and the context of each sample. */
    private record Pooled(Map<String, List<Double>> samples, Map<String, List<Integer>> forks,
                          Map<String, List<SampleContext>> contexts) {

        void add(String key, ForkLine line, int fork) {
            samples.computeIfAbsent(key, k -> new ArrayList<>()).addAll(line.samplesMs());
            line.samplesMs().forEach(sample -> forks.computeIfAbsent(key, k -> new ArrayList<>()).add(fork));
            contexts.computeIfAbsent(key, k -> new ArrayList<>()).addAll(line.contexts());
        }
    }

    /** This command's options as a child of {@code --forks} gets them: every given option but the parent's own, for {@code unit} only. */
    private List<String> childArguments(String unit) {
        List<String> arguments = new ArrayList<>(List.of(ForkChildCommand.NAME, "--strategies=" + unit));
        for (OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
            if (PARENT_ONLY.contains(option.longestName())) {
                continue;
            }
            List<String> values = option.originalStringValues();
            if (values.isEmpty()) {
                arguments.add(option.longestName());
            }
            values.forEach(v -> arguments.add(option.longestName() + "=" + v));
        }
        return arguments;
    }

    private Configuration baselineOf(Kernel kernel) {
        return new Configuration(registry.find(StrategyRegistry.REFERENCE), kernel, 1, new Schedule.Static(0));
    }

    private static Set<Kernel> kernelsOf(List<Configuration> configurations) {
        Set<Kernel> kernels = new LinkedHashSet<>();
        configurations.forEach(c -> kernels.add(c.kernel()));
        return kernels;
    }

    private static void sortByMedian(List<Measurement> measurements) {
        measurements.sort(Comparator.comparing((Measurement m) -> !m.identical())
                .thenComparingDouble(m -> m.identical() ? m.stats().median() : 0));
    }
}
