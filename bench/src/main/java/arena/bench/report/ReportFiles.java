package arena.bench.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * The files of {@code arena compare --out}: a {@link Report} as CSV, JSON, Markdown and two PNG
 * charts, written as one set through {@link OutputDirectory} (the directory holds either the
 * previous complete set or the new one, and only ever files arena wrote). Stateless.
 */
public final class ReportFiles {

    /** The chart of median times. */
    public static final String TIMES_CHART = "median-times.png";
    /** The chart of speed-up versus threads. */
    public static final String SPEEDUP_CHART = "speedup.png";
    /** Every file of a set. */
    public static final List<String> NAMES = List.of("results.csv", "results.json", "report.md", TIMES_CHART, SPEEDUP_CHART);

    private ReportFiles() {
    }

    /** Writes every file of the set into {@code directory}, replacing its previous set as a whole. */
    public static void write(Report report, OutputDirectory directory) {
        directory.write(fresh -> {
            Files.writeString(fresh.resolve("results.csv"), report.toCsv(), StandardCharsets.UTF_8);
            Files.writeString(fresh.resolve("results.json"), Json.write(report.toJson()) + "\n", StandardCharsets.UTF_8);
            Files.writeString(fresh.resolve("report.md"), report.toMarkdown(), StandardCharsets.UTF_8);
            ReportCharts.write(report, fresh.resolve(TIMES_CHART), fresh.resolve(SPEEDUP_CHART));
        });
    }
}
