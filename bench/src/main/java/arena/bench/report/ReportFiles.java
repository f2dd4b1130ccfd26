package arena.bench.report;

import java.awt.AWTError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

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
     * Charts that cannot be drawn (AWT without fonts: "Fontconfig head is null") are left out with one
     * line to {@code warnings}, so a long measurement never loses its tables to a missing font.
     */
    public static List<String> write(Report report, OutputDirectory directory, Consumer<String> warnings) {
        return write(report, directory, warnings, ReportFormat.charts::writeInto);
    }

    /** The same, drawing the charts with {@code charts}. */
    static List<String> write(Report report, OutputDirectory directory, Consumer<String> warnings, Writer charts) {
        directory.write(fresh -> {
            for (ReportFormat format : ReportFormat.values()) {
                if (format != ReportFormat.charts) {
                    format.writeInto(report, fresh);
                    continue;
                }
                try {
                    charts.writeInto(report, fresh);
                } catch (RuntimeException | LinkageError | AWTError e) {
                    for (String name : format.files()) {
                        Files.deleteIfExists(fresh.resolve(name));
                    }
                    warnings.accept("charts not drawn (" + e + "); install fonts (e.g. Debian's fontconfig and fonts-dejavu-core) "
                            + "for them; the other files were written");
                }
            }
        });
        return NAMES.stream().filter(name -> Files.exists(directory.path().resolve(name))).toList();
    }

    /** Writes a format's files of a report into a directory. */
    @FunctionalInterface
    interface Writer {
        void writeInto(Report report, Path directory) throws IOException;
    }
}
