package arena.bench.cli;

import arena.bench.measure.Configuration;
import arena.bench.measure.MemoryCheck;
import arena.bench.measure.OpenStrategies;
import arena.bench.measure.Reference;
import arena.bench.report.OutputDirectory;
import arena.bench.report.TimelineTrace;
import arena.bench.report.chart.GanttChart;
import arena.core.CountGrid;
import arena.core.Execution;
import arena.core.Strategy;
import arena.core.StrategyRegistry;
import arena.core.Timeline;
import arena.core.input.Names;
import arena.core.problem.JuliaParams;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code arena timeline}: records one run of every selected configuration chunk by chunk and writes
 * a Gantt chart per configuration (one lane per worker, one bar per chunk), or with {@code --format
 * trace} one Chrome Trace Event file of them all ({@link TimelineTrace}), plus a text summary:
 * busy time, chunks and iterations per worker, load imbalance (max / mean busy time, and the same
 * on iterations), idle share and the join cost. Each recorded run is verified against the reference
 * afterwards. Runs on the main thread.
 */
@Command(name = "timeline", description = "Records which worker computed which chunk when, and draws a Gantt chart per configuration "
        + "or writes a trace for Perfetto and chrome://tracing.")
public final class TimelineCommand extends StrategyRunCommand {

    TimelineCommand(StrategyRegistry registry) {
        super(registry);
    }

    @Mixin
    SelectionOptions selection;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "3",
            description = "unrecorded runs per configuration before the recorded one, 0..1000 (default: ${DEFAULT-VALUE})")
    String warmup;

    @Option(names = "--format", paramLabel = "F", defaultValue = "png", description = "png (a Gantt chart per configuration), trace (one "
            + TimelineTrace.FILE + " of every configuration, for Perfetto or chrome://tracing) or both (default: ${DEFAULT-VALUE})")
    String format;

    private static final List<String> FORMATS = List.of("png", "trace", "both");

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "timeline", description = "where the PNGs, the trace and summary.txt go: a new directory or one holding a previous set of arena's own, which is replaced as a whole (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    Integer run() throws IOException {
        JuliaParams params = problem.toParams();
        MemoryCheck.requireRoom(params, 2);
        SelectionOptions.Expansion expansion = selection.expand(registry);
        strategyOptions.requireUsedBy(expansion.providers(), registry);
        int warmups = Numbers.wholeNumber("warmup", warmup, 0, 1000);
        String formats = Names.canonical("format", format, FORMATS);
        if (!FORMATS.contains(formats)) {
            throw Names.unknown("format", format, FORMATS);
        }
        boolean png = !formats.equals("trace");
        boolean trace = !formats.equals("png");
        OutputDirectory directory = OutputDirectory.check("out", out);

        Reference reference = Reference.of(params);
        StringBuilder summaries = new StringBuilder("problem: " + params + "\n");
        boolean allIdentical = true;
        List<Chart> charts = new ArrayList<>();
        List<TimelineTrace.Run> traced = new ArrayList<>();
        try (OpenStrategies open = new OpenStrategies(strategyOptions.toMap())) {
            for (Configuration configuration : expansion.configurations()) {
                Strategy strategy = open.get(configuration);
                for (int i = 0; i < warmups; i++) {
                    strategy.compute(params, new Execution(configuration.schedule(), configuration.kernel()));
                }
                Timeline timeline = new Timeline();
                long start = System.nanoTime();
                CountGrid grid = strategy.compute(params, new Execution(configuration.schedule(), configuration.kernel(), timeline));
                long end = System.nanoTime();
                var difference = CountGrid.difference(reference.grid(), grid);
                allIdentical &= difference.isEmpty();
                Timeline.Summary summary = timeline.summary(start, end, configuration.threads());
                String file = png ? "timeline-" + configuration.label().replaceAll("[^A-Za-z0-9._-]+", "_") + ".png" : TimelineTrace.FILE;
                if (png) {
                    charts.add(new Chart(configuration.label() + "  (" + params + ")", timeline.chunks(), summary.workers(), start, end, file));
                }
                traced.add(new TimelineTrace.Run(configuration.label(), timeline.chunks(), params.size(), start));
                summaries.append(describe(configuration, summary, file));
                difference.ifPresent(d -> summaries.append("  NOT IDENTICAL: ").append(d).append('\n'));
            }
        }
        expansion.skipped().forEach(note -> summaries.append("skipped: ").append(note).append('\n'));
        directory.write(fresh -> {
            for (Chart chart : charts) {
                GanttChart.write(chart.title(), chart.chunks(), chart.workers(), chart.start(), chart.end(), fresh.resolve(chart.file()));
            }
            if (trace) {
                TimelineTrace.write(traced, Map.of("problem", params.toString(), "command", "arena timeline"), fresh.resolve(TimelineTrace.FILE));
            }
            Files.writeString(fresh.resolve("summary.txt"), summaries, StandardCharsets.UTF_8);
        });
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(summaries);
        stdout.println("wrote " + directory.path());
        stdout.flush();
        return allIdentical ? ExitCode.OK : ExitCode.RESULT_DIFFERS;
    }

    /** One configuration's recorded chunks, drawn into the set once every run is over. */
    private record Chart(String title, List<Timeline.Chunk> chunks, List<Timeline.WorkerShare> workers, long start, long end, String file) {
    }

    static String describe(Configuration configuration, Timeline.Summary summary, String file) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%n%s: wall %.2f ms, imbalance %.2f (busy time) / %.2f (iterations), idle %.0f%%, join %.3f ms -> %s%n",
                configuration.label(), summary.wallNanos() / 1e6, summary.imbalance(), summary.iterationImbalance(),
                summary.idleShare() * 100, summary.joinNanos() / 1e6, file));
        text.append(String.format(Locale.ROOT, "  %-36s %7s %10s %14s%n", "worker", "chunks", "busy_ms", "iterations"));
        for (Timeline.WorkerShare share : summary.workers()) {
            text.append(String.format(Locale.ROOT, "  %-36s %7d %10.2f %14d%n", share.worker(), share.chunks(), share.busyNanos() / 1e6,
                    share.iterations()));
        }
        summary.inFlightByNode().forEach((node, nanos) -> text.append(String.format(Locale.ROOT,
                "  node %s: %.2f ms in flight (network and queue, summed over its threads)%n", node, nanos / 1e6)));
        return text.toString();
    }

}
