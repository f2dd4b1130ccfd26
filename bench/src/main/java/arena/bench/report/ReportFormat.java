package arena.bench.report;

import arena.bench.measure.Bootstrap;
import arena.bench.measure.Configuration;
import arena.bench.measure.Measurement;
import arena.bench.measure.Stats;
import arena.bench.report.ResultsDocument.Result;
import arena.core.input.Names;
import arena.core.problem.JuliaParams;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The forms a report takes; each constant writes the whole document. {@link #text} and {@link #json}
 * print any {@link ReportDocument} and are what {@code --format} of {@code compare}, {@code compute}
 * and {@code verify} accepts; the constants with {@link #files()} make up the set of
 * {@code compare --out} ({@link ReportFiles}), in declaration order. To add a format, add a constant
 * here. Stateless; safe to use from any thread.
 */
public enum ReportFormat {
    /** Aligned text for a terminal. */
    text(true) {
        @Override
        public String render(ReportDocument document) {
            return switch (document) {
                case Report report -> TextTables.compare(report);
                case ComputeReport compute -> TextTables.compute(compute);
                case VerifyReport verify -> TextTables.verify(verify);
            };
        }
    },
    /** results.csv: one line per configuration, the columns of results.json's results, samples joined by {@code ;}. */
    csv(false, "results.csv") {
        @Override
        public String render(ReportDocument document) {
            List<Result> results = compareReport(this, document).document().results();
            List<JsonNode> rows = results.stream().map(ReportJson::tree).toList();
            List<String> columns = columns(rows);
            List<String> lines = new ArrayList<>();
            lines.add(String.join(",", columns) + ",samples_ms");
            for (int i = 0; i < results.size(); i++) {
                Result result = results.get(i);
                JsonNode row = rows.get(i);
                boolean missingIsDash = result.identical();
                String cells = columns.stream().map(column -> cell(row.get(column), missingIsDash && MEASURED.contains(column)))
                        .collect(Collectors.joining(","));
                String samples = result.samplesMs().stream().map(String::valueOf).collect(Collectors.joining(";"));
                lines.add(cells + "," + samples);
            }
            return lines.stream().map(line -> line + "\n").collect(Collectors.joining());
        }
    },
    /** results.json and {@code --format json}: one JSON document (for compare, every sample included). */
    json(true, "results.json") {
        @Override
        public String render(ReportDocument document) {
            return ReportJson.write(document) + "\n";
        }
    },
    /** report.md: the environment, one table per problem, and the charts. */
    markdown(false, "report.md") {
        @Override
        public String render(ReportDocument document) {
            Report report = compareReport(this, document);
            StringBuilder md = new StringBuilder("# Concurrency Arena: compare\n\n");
            md.append("Environment: ").append(report.environment().oneLine()).append("\n\n");
            md.append("Method: ").append(TextTables.methodLine(report)).append(".\n\n");
            md.append("Median of the measured samples (of the forks' medians when forked), with its 95% interval over forks and samples "
                    + "(hierarchical bootstrap); fork spread = (slowest - fastest fork median) / median; speed-up over `sequential` at 1 thread with the same kernel (a native kernel's over `openmp` at 1 thread with `static`); "
                    + "efficiency = speed-up / threads. Every result was verified against the sequential reference before timing.\n");
            JuliaParams problem = null;
            for (Measurement m : report.measurements()) {
                JuliaParams params = m.verification().reference().params();
                if (!params.equals(problem)) {
                    problem = params;
                    md.append("\n## ").append(params).append("\n\n");
                    md.append("| strategy | kernel | threads | schedule | samples | median ms | 95% CI | fork spread | min ms | max ms | cv | speed-up | efficiency | identical |\n");
                    md.append("|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
                }
                Configuration c = m.configuration();
                if (m.identical()) {
                    Stats s = m.stats();
                    Bootstrap.Interval ci = report.medianInterval(m);
                    md.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %d | %s | %s–%s | %s | %s | %s | %s | %s | %s | %s |%n",
                            c.strategy(), c.kernel().name(), c.threads(), c.schedule().spec(), m.samplesMs().size(),
                            TextTables.f1(s.median()), TextTables.f1(ci.low()), TextTables.f1(ci.high()), TextTables.forkSpread(m), TextTables.f1(s.min()), TextTables.f1(s.max()),
                            TextTables.pct(s.cv()), TextTables.f2(m.speedup()), TextTables.pct(m.efficiency()), TextTables.verdict(report, m)));
                } else {
                    md.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | 0 | | | | | | | | | NO: %s |%n", c.strategy(), c.kernel().name(),
                            c.threads(), c.schedule().spec(), m.verification().problemDescription()));
                }
            }
            if (!report.skipped().isEmpty()) {
                md.append("\nSkipped:\n\n");
                report.skipped().forEach(note -> md.append("- ").append(note).append('\n'));
            }
            String notes = TextTables.steadyNote(report) + TextTables.contextNote(report) + TextTables.speedNote(report);
            if (!notes.isEmpty()) {
                md.append('\n').append(notes.replace("\n", "\n\n").stripTrailing()).append('\n');
            }
            BestModels best = BestModels.of(report);
            if (!best.groups().isEmpty()) {
                md.append(best.markdown());
                md.append("\n![ratio to the best model](").append(ReportCharts.WHICH_MODEL_CHART).append(")\n");
            }
            md.append("\n![median time per configuration](").append(ReportCharts.TIMES_CHART).append(")\n");
            md.append("\n![speed-up versus threads](").append(ReportCharts.SPEEDUP_CHART).append(")\n");
            return md.toString();
        }
    },
    /**
     * PNG charts: median time per configuration, speed-up versus threads, and which model is best per
     * thread count and schedule; none when nothing was timed.
     */
    charts(false, ReportCharts.TIMES_CHART, ReportCharts.SPEEDUP_CHART, ReportCharts.WHICH_MODEL_CHART) {
        @Override
        public String render(ReportDocument document) {
            throw new UnsupportedOperationException("charts are pictures: write them with writeInto");
        }

        @Override
        public void writeInto(Report report, Path directory) throws IOException {
            ReportCharts.write(report, directory.resolve(ReportCharts.TIMES_CHART), directory.resolve(ReportCharts.SPEEDUP_CHART),
                    directory.resolve(ReportCharts.WHICH_MODEL_CHART));
        }
    },
    /**
     * timeline.trace.json: the run {@code compare --timeline} recorded of every configuration, as
     * Chrome Trace Event JSON ({@link TimelineTrace}: a process per configuration, a track per worker,
     * a slice per chunk); none when no run was recorded.
     */
    trace(false, TimelineTrace.FILE) {
        @Override
        public String render(ReportDocument document) {
            return ReportJson.write(TimelineTrace.document(recordedRuns(compareReport(this, document)), Map.of("command", "arena compare --timeline"))) + "\n";
        }

        @Override
        public void writeInto(Report report, Path directory) throws IOException {
            if (!recordedRuns(report).isEmpty()) {
                super.writeInto(report, directory);
            }
        }
    };

    /** The columns whose null on a timed row means "not measured" (no baseline) rather than "not timed". */
    private static final Set<String> MEASURED = Set.of("speedup", "efficiency");

    private final boolean printable;
    private final List<String> files;

    ReportFormat(boolean printable, String... files) {
        this.printable = printable;
        this.files = List.of(files);
    }

    /** The whole document as text, ending with a line break; only {@link #text} and {@link #json} render every kind of document. */
    public abstract String render(ReportDocument document);

    /** The files this format adds to a {@code compare --out} set; empty for a format that only prints. */
    public List<String> files() {
        return files;
    }

    /** Writes this format's {@link #files()} of {@code report} into {@code directory}. */
    public void writeInto(Report report, Path directory) throws IOException {
        if (!files.isEmpty()) {
            Files.writeString(directory.resolve(files.get(0)), render(report), StandardCharsets.UTF_8);
        }
    }

    /** The formats {@code --format} accepts, in declaration order: those that print any document. */
    public static List<ReportFormat> printable() {
        return Arrays.stream(values()).filter(f -> f.printable).toList();
    }

    /**
     * Reads {@code --format} of compare, compute and verify by {@link Names}' rule (case ignored), so
     * {@code JSON} works like {@code STATIC} does for a schedule. Stateless.
     */
    public static final class Converter implements ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            return byName(value, printable());
        }
    }

    /**
     * The one of {@code choices} named {@code value} by {@link Names}' rule (constants are lower case).
     *
     * @throws TypeConversionException naming the format and the known ones
     */
    static <E extends Enum<E>> E byName(String value, List<E> choices) {
        var known = choices.stream().map(Enum::name).toList();
        int index;
        try {
            index = known.indexOf(Names.canonical("format", value, known));
        } catch (IllegalArgumentException e) {
            index = -1;
        }
        if (index < 0) {
            throw new TypeConversionException(Names.unknown("format", value, known).getMessage());
        }
        return choices.get(index);
    }

    /** Each configuration's recorded run, labelled with its problem when the report has several. */
    private static List<TimelineTrace.Run> recordedRuns(Report report) {
        long problems = report.measurements().stream().map(m -> m.verification().reference().params()).distinct().count();
        List<TimelineTrace.Run> runs = new ArrayList<>();
        for (Measurement m : report.measurements()) {
            if (m.recorded() != null && !m.recorded().chunks().isEmpty()) {
                JuliaParams params = m.verification().reference().params();
                String label = problems > 1 ? params + " " + m.configuration().label() : m.configuration().label();
                runs.add(new TimelineTrace.Run(label, m.recorded().chunks(), params.size(), 0));
            }
        }
        return runs;
    }

    private static Report compareReport(ReportFormat format, ReportDocument document) {
        if (document instanceof Report report) {
            return report;
        }
        throw new IllegalArgumentException(format + " writes compare reports only, not " + document.getClass().getSimpleName());
    }

    /** Every field any row has, in first-seen order, less the samples and the difference. */
    private static List<String> columns(List<JsonNode> rows) {
        Set<String> columns = new LinkedHashSet<>();
        for (JsonNode row : rows) {
            row.fieldNames().forEachRemaining(name -> {
                if (!name.equals("samples_ms") && !name.equals("first_difference")) {
                    columns.add(name);
                }
            });
        }
        return List.copyOf(columns);
    }

    /**
     * A CSV cell: the value as JSON prints it, a list's items joined by {@code ;}, empty for null or
     * absent, or "-" for a figure not measured on a timed row.
     */
    private static String cell(JsonNode value, boolean missingIsDash) {
        if (value == null || value.isNull()) {
            return missingIsDash ? "-" : "";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asText()));
            return String.join(";", items);
        }
        return value.asText();
    }
}
