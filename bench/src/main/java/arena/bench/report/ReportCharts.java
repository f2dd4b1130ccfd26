package arena.bench.report;

import arena.bench.measure.Configuration;
import arena.bench.measure.Measurement;
import arena.bench.measure.Stats;
import arena.bench.report.chart.Charts;
import arena.bench.report.chart.SpeedupPoint;
import arena.bench.report.chart.TimeBar;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link Report} into its two charts: the median time of every timed configuration with
 * min–max whiskers, and speed-up versus threads, one line per strategy and schedule (and kernel and
 * problem when the run had several). Configurations whose result was wrong were not timed and are
 * left out. Stateless.
 */
public final class ReportCharts {

    private ReportCharts() {
    }

    /** Writes both charts; with no timed configuration at all it writes none. */
    static void write(Report report, Path timesPng, Path speedupPng) throws IOException {
        List<Measurement> timed = report.measurements().stream().filter(Measurement::identical).toList();
        if (timed.isEmpty()) {
            return;
        }
        boolean severalProblems = timed.stream().map(m -> m.verification().reference().params()).distinct().count() > 1;
        boolean severalKernels = timed.stream().map(m -> m.configuration().kernel()).distinct().count() > 1;
        List<TimeBar> bars = new ArrayList<>();
        List<SpeedupPoint> points = new ArrayList<>();
        for (Measurement m : timed) {
            Configuration c = m.configuration();
            String problem = severalProblems ? " r=" + m.verification().reference().params().resolution()
                    + " n=" + m.verification().reference().params().nMax() : "";
            Stats s = m.stats();
            bars.add(new TimeBar(c.label() + problem, s.median(), s.min(), s.max()));
            String series = c.strategy() + " " + c.schedule().spec() + (severalKernels ? " " + c.kernel().name() : "") + problem;
            points.add(new SpeedupPoint(series, c.threads(), m.speedup()));
        }
        String where = report.environment().cpuModel() + ", " + report.environment().cores() + " cores, JDK "
                + Runtime.version().feature();
        Charts.writeMedianTimes("Median time per configuration (" + where + ")", bars, timesPng);
        Charts.writeSpeedup("Speed-up over sequential (" + where + ")", points, speedupPng);
    }
}
