package arena.bench.cli;

import arena.bench.measure.Comparison;
import arena.bench.measure.Configuration;
import arena.bench.measure.Environment;
import arena.bench.measure.ForkOrder;
import arena.bench.measure.ForkPlan;
import arena.bench.measure.ForkedComparison;
import arena.bench.measure.ForkedRun;
import arena.bench.measure.Measurement;
import arena.bench.measure.MemoryCheck;
import arena.bench.measure.OpenStrategies;
import arena.bench.measure.Reference;
import arena.bench.measure.SpeedCheck;
import arena.bench.report.OutputDirectory;
import arena.bench.report.Report;
import arena.bench.report.ReportFiles;
import arena.bench.report.ReportFormat;
import arena.core.StrategyRegistry;
import arena.core.input.InvalidInputException;
import arena.core.kernel.Kernel;
import arena.core.problem.JuliaParams;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
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
            description = "the fewest untimed runs per configuration (per fork) after its verification run, 0..1000: "
                    + "the lower bound of the steady-state rule, which ends the warm-up when the timings stop changing "
                    + "(at most 20 runs, else the configuration is flagged as never steady) (default: ${DEFAULT-VALUE})")
    String warmup;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "5",
            description = "the least number of timed samples per configuration (per fork), 1..10000 (default: ${DEFAULT-VALUE})")
    String repeat;

    @Option(names = "--max-repeat", paramLabel = "N", defaultValue = "30",
            description = "the most timed samples per configuration (per fork), >= --repeat (default: ${DEFAULT-VALUE})")
    String maxRepeat;

    @Option(names = "--budget", paramLabel = "SECONDS", defaultValue = "0.5",
            description = "keep sampling a configuration (in each fork) beyond --repeat while its timed samples took less "
                    + "than this, 0..3600 (default: ${DEFAULT-VALUE})")
    String budget;

    @Option(names = "--timeline", description = "after its samples, record one more run of each configuration and add its "
            + "load imbalance (max / mean busy time per worker) and idle share to every report; with --out, the recorded runs also go "
            + "into timeline.trace.json (Chrome Trace Event JSON for Perfetto or chrome://tracing: a process per configuration, a track per worker)")
    boolean timeline;

    @Option(names = "--out", paramLabel = "DIR", description = "also write results.csv, results.json, report.md, PNG charts (and timeline.trace.json with --timeline) into DIR: a new directory or one holding a previous set of arena's own, which is replaced as a whole")
    Path out;

    @Option(names = "--format", paramLabel = "F", converter = ReportFormat.Converter.class, defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    ReportFormat format;

    @Option(names = "--forks", paramLabel = "N", defaultValue = "" + DEFAULT_FORKS,
            description = "measure each strategy's configurations (with the sequential baseline) in N fresh child JVMs, "
                    + "0..20, the forks of all strategies in a seeded random order (randomized blocks), every second fork of a "
                    + "strategy measuring in reverse order (ABBA); --warmup, --repeat, "
                    + "--max-repeat and --budget then apply per fork, and the median and its interval come from every "
                    + "fork's samples (a hierarchical bootstrap); before every fork and after the last, every CPU runs "
                    + "the run's kernels at once for a few milliseconds, and the report says whether the machine kept its "
                    + "speed; 0 measures in this JVM, not forked, for a quick look (default: ${DEFAULT-VALUE})")
    String forks;

    @Option(names = "--order-seed", paramLabel = "N",
            description = "the seed of the forks' random order, printed in every report so that a run's order can be "
                    + "repeated (default: a new one per run)")
    Long orderSeed;

    /**
     * Two forks per strategy: the fewest that put the JVM-to-JVM variance into the interval, and what
     * keeps the README's main command within its time on 2 cores (docs/BENCHMARKS.md).
     */
    static final int DEFAULT_FORKS = 2;

    /** The most forks per strategy. */
    static final int MAX_FORKS = ForkPlan.MAX_FORKS;

    /** The options a child of {@code --forks} is not given: the parent's own, or ones it sets itself. */
    private static final Set<String> PARENT_ONLY = Set.of("--strategies", "--forks", "--order-seed", "--out", "--format", "--timeout");

    @Override
    Integer run() throws Exception {
        List<JuliaParams> problems = problem.toProblems();
        problems.forEach(p -> MemoryCheck.requireRoom(p, 2));
        SelectionOptions.Expansion expansion = selection.expand(registry);
        strategyOptions.requireUsedBy(expansion.providers(), registry);
        Comparison comparison = comparison();
        int forkCount = Numbers.wholeNumber("forks", forks, 0, MAX_FORKS);
        ForkPlan plan = forkCount == 0 ? ForkPlan.inProcess()
                : new ForkPlan(forkCount, orderSeed != null ? orderSeed : new SplittableRandom().nextLong() >>> 1);
        OutputDirectory outDirectory = out == null ? null : OutputDirectory.check("out", out);
        Environment environment = Environment.current();
        SpeedCheck speed = new SpeedCheck(kernelsOf(expansion.configurations()));
        List<Measurement> measurements = plan.forked()
                ? measureForked(problems, expansion.configurations(), plan, speed)
                : measureInProcess(problems, expansion.configurations(), comparison);
        Report report = new Report(environment, plan, measurements, expansion.skipped(), speed.result());

        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(format.render(report));
        stdout.flush();
        if (outDirectory != null) {
            List<String> written = ReportFiles.write(report, outDirectory, this::warn);
            if (format == ReportFormat.text) {
                stdout.println("wrote " + outDirectory.path() + ": " + String.join(", ", written));
                stdout.flush();
            }
        }
        report.stealWarning().ifPresent(this::warn);
        report.machineSpeed().warning().ifPresent(this::warn);
        return report.allIdentical() ? ExitCode.OK : ExitCode.RESULT_DIFFERS;
    }

    /** Prints {@code warning} as one line on stderr, after the command's name. */
    private void warn(String warning) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("arena compare: " + warning);
        err.flush();
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
                List<Measurement> forProblem = measureProblem(Reference.of(params), configurations, comparison, progress::step, false);
                sortByMedian(forProblem);
                measurements.addAll(forProblem);
            }
        }
        return measurements;
    }

    /**
     * Warms every kernel up, then measures the {@code sequential} baseline of each kernel and every
     * configuration of that kernel on {@code reference}'s problem, in that order, or in exactly the
     * reverse order when {@code reversed} (a fork of the second half of an ABBA pair: a drift within
     * the JVM's life then weighs on every configuration alike over the pair); {@code step} hears each
     * label before it is measured. The list is in the order measured.
     */
    List<Measurement> measureProblem(Reference reference, List<Configuration> configurations, Comparison comparison, Consumer<String> step,
                                     boolean reversed) {
        Set<Kernel> kernels = kernelsOf(configurations);
        for (Kernel kernel : kernels) {
            Comparison.warmUpKernel(kernel, reference);
        }
        Map<Kernel, Double> baselineMedians = new HashMap<>();
        List<Measurement> forProblem = new ArrayList<>();
        try (OpenStrategies open = new OpenStrategies(strategyOptions.toMap())) {
            for (Configuration configuration : ForkOrder.withinFork(configurations, this::baselineOf, reversed)) {
                step.accept(configuration.label());
                boolean isBaseline = configuration.equals(baselineOf(configuration.kernel()));
                // a configuration measured before its baseline (reversed) gets its speed-up from whoever pools the forks
                double baselineMedian = isBaseline ? Double.NaN : baselineMedians.getOrDefault(configuration.kernel(), Double.NaN);
                Measurement measurement = comparison.measure(open.get(configuration), configuration, reference, baselineMedian);
                if (isBaseline) {
                    baselineMedians.put(configuration.kernel(), measurement.identical() ? measurement.stats().median() : Double.NaN);
                } else if (timeline && measurement.identical()) {
                    measurement = measurement.withTimeline(Comparison.record(open.get(configuration), configuration, reference));
                }
                forProblem.add(measurement);
            }
        }
        return forProblem;
    }

    /**
     * Measures each strategy's configurations, with the baseline, in {@code plan.forks()} fresh child
     * JVMs per strategy, in randomized blocks; the progress bar counts forks. {@code speed} checks the
     * machine before every fork and after the last, while no child runs.
     */
    private List<Measurement> measureForked(List<JuliaParams> problems, List<Configuration> configurations, ForkPlan plan, SpeedCheck speed) {
        long units = configurations.stream().map(Configuration::strategy).distinct().count();
        ForkedComparison forked = new ForkedComparison(new ForkedRun(ArenaCli.class.getName(), ForkedRun.heapFor(problems)), plan.forks(), new ForkOrder(plan.orderSeed()));
        List<Measurement> measurements = new ArrayList<>();
        try (Progress progress = Progress.start("compare", units * plan.forks())) {
            List<List<Measurement>> byProblem = forked.measure(problems, configurations, this::baselineOf, this::childArguments, fork -> {
                speed.check();
                progress.step(fork);
            });
            speed.check();
            for (List<Measurement> forProblem : byProblem) {
                List<Measurement> sorted = new ArrayList<>(forProblem);
                sortByMedian(sorted);
                measurements.addAll(sorted);
            }
        }
        return measurements;
    }

    /**
     * This command's options as the child running {@code slot} gets them: every given option but the
     * parent's own, for the slot's unit only, and {@link ForkChildCommand#REVERSED} for the second fork of each ABBA pair.
     */
    private List<String> childArguments(ForkOrder.Slot slot) {
        List<String> arguments = new ArrayList<>(List.of(ForkChildCommand.NAME, "--strategies=" + slot.unit()));
        if (slot.reversed()) {
            arguments.add(ForkChildCommand.REVERSED);
        }
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
        return Configuration.baselineOf(registry, kernel);
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
