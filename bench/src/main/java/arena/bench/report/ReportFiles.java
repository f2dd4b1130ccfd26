package arena.bench.report;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

/**
 * The files of {@code arena compare --out}: a {@link Report} in every {@link ReportFormat} that has
 * {@link ReportFormat#files() files}, written as one set through {@link OutputDirectory} (the
 * directory holds either the previous complete set or the new one, and only ever files arena
 * wrote). Stateless.
 */
public final class ReportFiles {

    /** The chart of median times. */
    public static final String TIMES_CHART = ReportCharts.TIMES_CHART;
    /** The chart of speed-up versus threads. */
    public static final String SPEEDUP_CHART = ReportCharts.SPEEDUP_CHART;
    /** Every file of a set, format by format in {@link ReportFormat}'s order. */
    public static final List<String> NAMES = Arrays.stream(ReportFormat.values()).flatMap(f -> f.files().stream()).toList();

    private ReportFiles() {
    }

    /**
     * Writes every file of the set into {@code directory}, replacing its previous set as a whole, and
     * returns the names written, in {@link #NAMES}' order (a format with nothing to show writes none).
     */
    public static List<String> write(Report report, OutputDirectory directory) {
        directory.write(fresh -> {
            for (ReportFormat format : ReportFormat.values()) {
                format.writeInto(report, fresh);
            }
        });
        return NAMES.stream().filter(name -> Files.exists(directory.path().resolve(name))).toList();
    }
}
