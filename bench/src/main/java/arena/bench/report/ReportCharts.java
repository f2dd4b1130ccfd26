package arena.bench.report;

import arena.bench.measure.Bootstrap;
import arena.bench.measure.Configuration;
import arena.bench.measure.Measurement;
import arena.bench.report.chart.Charts;
import arena.bench.report.chart.ModelCell;
import arena.bench.report.chart.SpeedupPoint;
import arena.bench.report.chart.TimeBar;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a {@link Report} into its charts: the median time of every timed configuration with
 * its 95% bootstrap interval as whiskers, and speed-up versus threads, one line per strategy and schedule (and kernel and
 * problem when the run had several). Configurations whose result was wrong were not timed and are
 * left out, and so are speed-ups whose baseline was not measured. Stateless.
 */
public final class ReportCharts {

    /** The file of the chart of median times. */
    public static final String TIMES_CHART = "median-times.png";
    /** The file of the chart of speed-up versus threads. */
    public static final String SPEEDUP_CHART = "speedup.png";
    /** The file of the "which model" heat map: one panel per thread count, models x schedules, by ratio to the best. */
    public static final String WHICH_MODEL_CHART = "which-model.png";

    private ReportCharts() {
    }

    /**
     * Writes the charts; with no timed configuration it writes none, with no speed-up no speed-up
     * chart, and with no model but the reference no heat map.
     */
    static void write(Report report, Path timesPng, Path speedupPng, Path whichModelPng) throws IOException {
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
            Bootstrap.Interval ci = report.medianInterval(m);
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
            Charts.writeSpeedup("Speed-up over 1 thread (sequential; openmp static for native kernels) (" + where + ")", points, speedupPng);
        }
        List<ModelCell> cells = whichModelCells(BestModels.of(report), severalProblems, severalKernels);
        if (!cells.isEmpty()) {
            Charts.writeWhichModel("Ratio to the best model (" + where + ")", cells, whichModelPng);
        }
    }

    /** The heat map's cells: a panel per thread count (and problem), a column per schedule (and kernel). */
    private static List<ModelCell> whichModelCells(BestModels best, boolean severalProblems, boolean severalKernels) {
        List<ModelCell> cells = new ArrayList<>();
        List<BestModels.Group> byThreads = best.groups().stream()
                .sorted(Comparator.comparingInt(BestModels.Group::threads)).toList();
        for (BestModels.Group g : byThreads) {
            String panel = g.threads() + (g.threads() == 1 ? " thread" : " threads")
                    + (severalProblems ? ", r=" + g.problem().resolution() + " n=" + g.problem().nMax() : "");
            String column = g.schedule() + (severalKernels ? " " + g.kernel() : "");
            g.tied().forEach(e -> cells.add(new ModelCell(panel, e.strategy(), column, Math.max(1, e.ratioToBest().estimate()), true)));
            g.others().forEach(e -> cells.add(new ModelCell(panel, e.strategy(), column, Math.max(1, e.ratioToBest().estimate()), false)));
        }
        return cells;
    }
}
