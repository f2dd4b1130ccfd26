package arena.bench.cli;

import arena.bench.measure.Configuration;
import arena.bench.measure.MemoryCheck;
import arena.bench.measure.OpenStrategies;
import arena.bench.report.Json;
import arena.bench.report.OutputFormat;
import arena.bench.report.ProblemFields;
import arena.core.CountGrid;
import arena.core.Execution;
import arena.core.GoldenCase;
import arena.core.GoldenCsv;
import arena.core.GridSummary;
import arena.core.Schedule;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.StrategyProvider;
import arena.core.StrategyRegistry;
import arena.core.kernel.Kernel;
import arena.core.kernel.Kernels;
import arena.core.problem.JuliaParams;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code arena compute}: computes one grid once with one strategy and prints its figures and the
 * wall time of the computation (the strategy is opened before and closed after the timed region).
 * When the problem is a bundled golden case the result is checked against it, and a difference
 * exits 1. Runs on the main thread.
 */
@Command(name = "compute", description = "Computes the grid once and prints its SHA-256, sum, count at n_max, fraction, min, max and wall time.")
public final class ComputeCommand extends StrategyRunCommand {

    ComputeCommand(StrategyRegistry registry) {
        super(registry);
    }

    @Option(names = "--strategy", paramLabel = "NAME", defaultValue = "threads",
            description = "the concurrency model (see 'arena strategies'; default: ${DEFAULT-VALUE})")
    String strategy;

    @Option(names = "--threads", paramLabel = "T",
            description = "worker count, 1..1024 (default: the machine's cores, capped by the strategy)")
    String threads;

    @Option(names = "--schedule", paramLabel = "S", defaultValue = "static:1",
            description = "static, static:N, dynamic[:N], guided[:N] or split[:N] (default: ${DEFAULT-VALUE}, the seed's prange)")
    String schedule;

    @Option(names = "--kernel", paramLabel = "K", defaultValue = "auto",
            description = "the kernel: ${COMPLETION-CANDIDATES}; auto is the fastest available, and reports name the one used (default: ${DEFAULT-VALUE})", completionCandidates = KernelNames.class)
    String kernel;

    @Option(names = "--format", paramLabel = "F", converter = OutputFormat.Converter.class, defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Override
    Integer run() {
        JuliaParams params = problem.toParams();
        MemoryCheck.requireRoom(params, 1);
        StrategyProvider provider = registry.find(strategy);
        strategyOptions.requireUsedBy(List.of(provider), registry);
        int workers = threads == null
                ? Math.min(Runtime.getRuntime().availableProcessors(), provider.capabilities().maxThreads())
                : Numbers.wholeNumber("threads", threads, 1, StrategyConfig.MAX_THREADS);
        Schedule chosen = Schedule.parse(schedule);
        Kernel chosenKernel = Kernels.byName(kernel);
        provider.capabilities().requireSupported(provider.name(), chosen);

        CountGrid grid;
        double fraction;
        long nanos;
        try (OpenStrategies open = new OpenStrategies(strategyOptions.toMap())) {
            Strategy opened = open.get(new Configuration(provider, chosenKernel, workers, chosen));
            long start = System.nanoTime();
            grid = opened.compute(params, new Execution(chosen, chosenKernel));
            nanos = System.nanoTime() - start;
            fraction = opened.fraction(grid, params.nMax());
        }
        GridSummary summary = GridSummary.of(grid, params.nMax());
        Optional<GoldenCase> golden = GoldenCsv.bundledCaseFor(params);
        boolean fractionAgrees = fraction == summary.fraction();
        boolean goldenAgrees = golden.map(g -> g.matches(summary)).orElse(true);
        String goldenVerdict = golden.isEmpty() ? "not a golden case" : goldenAgrees ? "matches" : "DIFFERS";
        double millis = nanos / 1e6;

        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            Map<String, Object> json = ProblemFields.of(params);
            json.put("strategy", provider.name());
            json.put("kernel", chosenKernel.name());
            json.put("threads", workers);
            json.put("schedule", chosen.spec());
            json.put("sha256", summary.sha256());
            json.put("sum", summary.sum());
            json.put("count_at_nmax", summary.countAtNMax());
            json.put("fraction", fraction);
            json.put("min", summary.min());
            json.put("max", summary.max());
            json.put("millis", Math.round(millis * 1000) / 1000.0);
            json.put("golden", golden.isEmpty() ? null : goldenAgrees);
            out.println(Json.write(json));
        } else {
            out.printf(Locale.ROOT, "problem        %s%n", params);
            out.printf(Locale.ROOT, "strategy       %s, %d thread%s, schedule %s, kernel %s%n", provider.name(), workers,
                    workers == 1 ? "" : "s", chosen.spec(), chosenKernel.name());
            out.printf(Locale.ROOT, "sha256         %s%n", summary.sha256());
            out.printf(Locale.ROOT, "sum            %d%n", summary.sum());
            out.printf(Locale.ROOT, "count_at_nmax  %d%n", summary.countAtNMax());
            out.printf(Locale.ROOT, "fraction       %s%s%n", fraction, fractionAgrees ? "" : "  (DIFFERS from the sequential reduction " + summary.fraction() + ")");
            out.printf(Locale.ROOT, "min            %d%n", summary.min());
            out.printf(Locale.ROOT, "max            %d%n", summary.max());
            out.printf(Locale.ROOT, "golden         %s%n", goldenVerdict);
            out.printf(Locale.ROOT, "millis         %.1f%n", millis);
        }
        out.flush();
        return fractionAgrees && goldenAgrees ? ExitCode.OK : ExitCode.RESULT_DIFFERS;
    }

    /** The kernel names, for the help text. */
    static final class KernelNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Kernels.names().iterator();
        }
    }
}
