package arena.bench.cli;

import arena.bench.measure.Configuration;
import arena.bench.measure.MemoryCheck;
import arena.bench.measure.OpenStrategies;
import arena.bench.report.ComputeReport;
import arena.bench.report.ReportFormat;
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
            description = "static, static:N, dynamic[:N], guided[:N] or split[:N] (default: ${DEFAULT-VALUE}, the chapter's prange)")
    String schedule;

    @Option(names = "--kernel", paramLabel = "K", defaultValue = "auto",
            description = "the kernel: ${COMPLETION-CANDIDATES}; auto is the fastest available, and reports name the one used (default: ${DEFAULT-VALUE})", completionCandidates = KernelNames.class)
    String kernel;

    @Option(names = "--format", paramLabel = "F", converter = ReportFormat.Converter.class, defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    ReportFormat format;

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
        Kernel chosenKernel = provider.kernel(kernel);
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
        ComputeReport report = new ComputeReport(params, provider.name(), chosenKernel.name(), workers, chosen.spec(), summary.sha256(),
                summary.sum(), summary.countAtNMax(), fraction, summary.min(), summary.max(), nanos / 1e6,
                golden.map(g -> g.matches(summary)).orElse(null), summary.fraction());
        PrintWriter out = spec.commandLine().getOut();
        out.print(format.render(report));
        out.flush();
        return report.agrees() ? ExitCode.OK : ExitCode.RESULT_DIFFERS;
    }

    /** The kernel names, for the help text. */
    static final class KernelNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Kernels.names().iterator();
        }
    }
}
