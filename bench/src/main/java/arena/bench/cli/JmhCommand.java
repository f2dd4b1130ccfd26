package arena.bench.cli;

import arena.bench.jmh.ComputeBenchmark;
import arena.bench.measure.AsyncProfilerLibrary;
import arena.bench.measure.Environment;
import arena.bench.measure.ForkedRun;
import arena.bench.report.OutputFile;
import arena.bench.report.ReportJson;
import arena.core.Schedule;
import arena.core.StrategyConfig;
import arena.core.StrategyProvider;
import arena.core.StrategyRegistry;
import arena.core.input.InvalidInputException;
import arena.core.kernel.Kernels;
import arena.core.problem.JuliaParams;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code arena jmh [JMH options]}: runs the JMH suite of this jar ({@code ComputeBenchmark},
 * {@code FractionBenchmark}, {@code KernelBenchmark}) with JMH's own command line plus arena's
 * defaults ({@link JmhArguments}): fail on error, every default strategy, this JVM's flags for the
 * forks, async-profiler's library for {@code -prof async}, and a curated subset when no argument is
 * given. A failing benchmark exits {@link ExitCode#WORKER_FAILED}; a results file ({@code -rff})
 * gets a sidecar {@code NAME.env.json} with the {@link Environment}. Runs on the main thread; JMH
 * starts the forked JVMs and waits for them.
 */
@Command(name = "jmh", description = {"Runs the JMH benchmarks with JMH's options, e.g. 'arena jmh -f 1 -wi 3 -i 5 ComputeBenchmark'.",
        "With no options: a curated subset (under 10 minutes on 2 cores). 'arena jmh --help' lists JMH's options and arena's additions."})
public final class JmhCommand implements Callable<Integer> {

    static final String ADDITIONS = """
            arena jmh [JMH options] [benchmark regexps]

            arena's additions to JMH's command line (each only when the arguments leave it out):
              -foe true            a failing benchmark (setup, measurement or the check of its result
                                   against the sequential reference) fails the run: exit 3; JMH's own
                                   default (-foe false) exits 0
              -p strategy=...      every strategy that joins default selections
              -jvmArgsAppend ...   this JVM's flags (Vector API module, native access) for the forks,
                                   and a fixed, pre-touched heap as compare's children get (-Xms =
                                   -Xmx = 512 MB + four grids of the largest -p resolution=,
                                   -XX:+AlwaysPreTouch; not where this JVM's flags set -Xms)
              -prof async          gets libPath= async-profiler's library from this jar, copied to a
                                   private temporary directory for the run
              (no arguments)       a curated subset: ComputeBenchmark and FractionBenchmark for every
                                   default strategy at threads = cores, KernelBenchmark at rows=32;
                                   2 forks x (3 + 5) x 1 s each: under 10 minutes on 2 cores,
                                   results in jmh-result.json
              (default strategies) those without ComputeBenchmark's schedule (streams: no dynamic:1)
                                   are left out, with a line saying so
            Every results file (-rff FILE) gets a sidecar FILE-without-extension.env.json with the
            environment: CPU, cores, JDK, JVM flags, OS, arena's version and git commit.
            Exit codes: 0 done, 2 bad options or parameters, 3 a benchmark failed.

            JMH's options:
            """;

    private final StrategyRegistry registry;

    JmhCommand(StrategyRegistry registry) {
        this.registry = registry;
    }

    @Spec
    CommandSpec spec;

    @Unmatched
    List<String> jmhArguments = new ArrayList<>();

    /** Default strategies left out of this run, one line each, printed when ComputeBenchmark runs. */
    private final List<String> leftOut = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (JmhArguments.asksForHelp(jmhArguments)) {
            out.print(ADDITIONS);
            out.print(jmhHelp());
            out.flush();
            return ExitCode.OK;
        }
        JmhArguments given = new JmhArguments(jmhArguments);
        Optional<List<String>> givenSchedules = given.parameter("schedule");
        List<String> strategies = given.parameter("strategy").isPresent() ? List.of()
                : defaultStrategies(registry, givenSchedules.orElse(defaultSchedules()), leftOut);
        JmhArguments arguments = JmhArguments.of(jmhArguments, strategies, forkFlags(given), Runtime.getRuntime().availableProcessors());
        checkParameters(arguments, givenSchedules.isPresent());
        if (!arguments.needsAsyncProfilerLibrary()) {
            return run(arguments);
        }
        try (AsyncProfilerLibrary library = AsyncProfilerLibrary.extract()) {
            return run(arguments.withAsyncProfilerLibrary(library.path()));
        }
    }

    /**
     * The flags JMH's forks get unless the user sets {@code -jvmArgs*}: this JVM's, and the fixed,
     * pre-touched heap a {@code compare} child gets ({@link ForkedRun#preTouchedHeap}), sized for the
     * largest grid that {@code -p resolution=} asks for (the chapter's when it is not given), so that
     * no measured grid lands on pages the system hands over at their first touch.
     */
    static List<String> forkFlags(JmhArguments given) {
        List<String> inherited = ManagementFactory.getRuntimeMXBean().getInputArguments();
        List<JuliaParams> problems = new ArrayList<>();
        for (String text : given.parameter("resolution").orElse(List.of())) {
            try {
                problems.add(JuliaParams.chapterCase().withResolution(Integer.parseInt(text.strip())));
            } catch (RuntimeException e) {
                // not a resolution: JMH refuses it when it sets the parameter
            }
        }
        List<String> flags = new ArrayList<>(inherited);
        flags.addAll(ForkedRun.preTouchedHeap(inherited, ForkedRun.heapFor(problems.isEmpty() ? List.of(JuliaParams.chapterCase()) : problems)));
        return flags;
    }

    private int run(JmhArguments arguments) {
        CommandLineOptions options;
        try {
            options = new CommandLineOptions(arguments.arguments().toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new InvalidInputException("jmh", "jmh options: " + e.getMessage() + " (see 'arena jmh --help')");
        }
        Runner runner = new Runner(options);
        if (options.shouldList() || options.shouldListWithParams() || options.shouldListProfilers() || options.shouldListResultFormats()) {
            runner.list();
            return ExitCode.OK;
        }
        Optional<OutputFile> sidecar = resultsFile(options).map(results -> OutputFile.check("rff", sidecarOf(results)));
        if (includesComputeBenchmark(options.getIncludes())) {
            PrintWriter err = spec.commandLine().getErr();
            leftOut.forEach(line -> err.println(spec.qualifiedName() + ": " + line));
            err.flush();
        }
        try {
            runner.run();
        } catch (NoBenchmarksException e) {
            throw new InvalidInputException("jmh", "jmh: no benchmark matches " + options.getIncludes() + "; 'arena jmh -l' lists them");
        } catch (RunnerException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(spec.qualifiedName() + ": a benchmark failed: " + rootCause(e) + " (JMH's output above has the stack trace)");
            err.flush();
            return ExitCode.WORKER_FAILED;
        }
        sidecar.ifPresent(file -> file.write(path -> Files.writeString(path, ReportJson.write(sidecarJson(arguments, resultsFile(options).orElseThrow())) + "\n",
                StandardCharsets.UTF_8)));
        return ExitCode.OK;
    }

    /**
     * The strategies that join default selections and support every one of {@code schedules}
     * ({@code ComputeBenchmark} would fail on the others); a line for each one left out is added to
     * {@code leftOut}.
     */
    static List<String> defaultStrategies(StrategyRegistry registry, List<String> schedules, List<String> leftOut) {
        List<Schedule> parsed = schedules.stream().map(Schedule::parse).toList();
        List<String> names = new ArrayList<>();
        for (StrategyProvider provider : registry.defaults()) {
            List<Schedule> unsupported = parsed.stream().filter(schedule -> !provider.capabilities().supports(schedule)).toList();
            if (unsupported.isEmpty()) {
                names.add(provider.name());
            } else {
                leftOut.add(provider.name() + " left out: it has no schedule " + schedules.get(parsed.indexOf(unsupported.get(0)))
                        + " (it supports " + provider.capabilities().scheduleLabels() + "; give -p strategy=" + provider.name() + " -p schedule=...)");
            }
        }
        return names;
    }

    /** Whether JMH's include patterns (none: every benchmark) select {@code ComputeBenchmark}. */
    private static boolean includesComputeBenchmark(List<String> includes) {
        String name = ComputeBenchmark.class.getName() + ".compute";
        return includes.isEmpty() || includes.stream().anyMatch(pattern -> Pattern.compile(pattern).matcher(name).find());
    }

    /** {@code ComputeBenchmark}'s own schedules, from its {@code @Param}. */
    static List<String> defaultSchedules() {
        try {
            return List.of(ComputeBenchmark.class.getField("schedule").getAnnotation(Param.class).value());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("ComputeBenchmark has no field 'schedule'", e);
        }
    }

    /**
     * Refuses unknown strategies, schedules and kernels, bad thread counts and, where schedules are
     * given, a strategy without one of them, before any fork starts (exit 2).
     */
    private void checkParameters(JmhArguments arguments, boolean schedulesGiven) {
        List<StrategyProvider> providers = arguments.parameter("strategy").orElse(List.of()).stream().map(registry::find).toList();
        arguments.parameter("schedule").ifPresent(schedules -> schedules.forEach(text -> {
            Schedule schedule = Schedule.parse(text);
            if (schedulesGiven) {
                providers.forEach(provider -> provider.capabilities().requireSupported(provider.name(), schedule));
            }
        }));
        arguments.parameter("kernel").ifPresent(kernels -> kernels.forEach(Kernels::byName));
        arguments.parameter("threads").ifPresent(counts -> counts.forEach(count -> {
            try {
                StrategyConfig.threads(Integer.parseInt(count.strip()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("threads", "threads must be a whole number from 1, not '" + count + "'");
            }
        }));
    }

    /** The file JMH writes its results to, when it writes one. */
    private static Optional<Path> resultsFile(CommandLineOptions options) {
        if (!options.getResultFormat().hasValue()) {
            return Optional.empty();
        }
        ResultFormatType format = options.getResultFormat().get();
        return Optional.of(Path.of(options.getResult().orElse("jmh-result." + format.toString().toLowerCase(Locale.ROOT))));
    }

    /** {@code dir/jmh.json} gives {@code dir/jmh.env.json}. */
    static Path sidecarOf(Path results) {
        String name = results.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return results.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".env.json");
    }

    private static Map<String, Object> sidecarJson(JmhArguments arguments, Path results) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("results", results.getFileName().toString());
        json.put("jmh_arguments", arguments.arguments());
        json.put("environment", Environment.current().toJson());
        return json;
    }

    /** JMH's own help text (JMH prints it to System.out only). */
    private static String jmhHelp() {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        try (PrintStream capture = new PrintStream(text, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            new CommandLineOptions().showHelp();
        } catch (IOException | CommandLineOptionException e) {
            throw new UncheckedIOException(new IOException("could not print JMH's help", e));
        } finally {
            System.setOut(previous);
        }
        return text.toString(StandardCharsets.UTF_8);
    }

    /** The innermost cause JMH carries over from the fork, as "Class: message". */
    private static String rootCause(Throwable e) {
        Throwable deepest = e;
        for (Throwable t = e; t != null; t = t.getCause() != null ? t.getCause() : (t.getSuppressed().length > 0 ? t.getSuppressed()[0] : null)) {
            deepest = t;
        }
        return (deepest.getClass().getSimpleName() + ": " + deepest.getMessage()).replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
