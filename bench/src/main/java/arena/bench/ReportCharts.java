package arena.bench;

import java.io.IOException;
import java.nio.file.Path;

/** Draws a report's charts. Placeholder until the chart code lands. */
final class ReportCharts {
    private ReportCharts() {
    }

    static void write(Report report, Path timesPng, Path speedupPng) throws IOException {
        java.nio.file.Files.write(timesPng, new byte[0]);
        java.nio.file.Files.write(speedupPng, new byte[0]);
    }
}
