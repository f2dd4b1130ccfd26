package arena.bench.report;

import arena.bench.measure.Bootstrap;
import arena.bench.measure.Configuration;
import arena.bench.measure.Measurement;
import arena.bench.report.chart.Charts;
import arena.bench.report.chart.SpeedupPoint;
import arena.bench.report.chart.TimeBar;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link Report} into its two charts: the median time of every timed configuration with
 * its 95% bootstrap interval as whiskers, and speed-up versus threads, one line per strategy and schedule (and kernel and
 * problem when the run had several). Configurations whose result was wrong were not timed and are
 * left out, and so are speed-ups whose baseline was not measured. Stateless.
 */
public final class ReportCharts {

    /** The file of the chart of median times. */
    public static final String TIMES_CHART = "median-times.png";
    /** The file of the chart of speed-up versus threads. */
    public static final String SPEEDUP_CHART = "speedup.png";

    private ReportCharts() {
    }

    /** Writes both charts; with no timed configuration it writes none, and with no speed-up no speed-up chart. */
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
            Bootstrap.Interval ci = Report.medianInterval(m);
            bars.add(new TimeBar(c.label() + problem, m.stats().median(), ci.low(), ci.high()));
            String series = c.strategy() + " " + c.schedule().spec() + (severalKernels ? " " + c.kernel().name() : "") + problem;
            if (Double.isFinite(m.speedup())) {
                points.add(new SpeedupPoint(series, c.threads(), m.speedup()));
            }
        }
        String where = report.environment().cpuModel() + ", " + report.environment().cores() + " cores, JDK "
                + Runtime.version().feature();
        Charts.writeMedianTimes("Median time per configuration (" + where + ")", bars, timesPng);
        if (!points.isEmpty()) {
            Charts.writeSpeedup("Speed-up over sequential (" + where + ")", points, speedupPng);
        }
    }
}
