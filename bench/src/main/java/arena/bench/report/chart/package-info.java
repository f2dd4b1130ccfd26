/**
 * PNG charts drawn headless: {@link arena.bench.report.chart.Charts} (median time per configuration
 * with the 95% interval of each median as whiskers, speed-up versus threads, with XChart) from plain values
 * ({@link arena.bench.report.chart.TimeBar}, {@link arena.bench.report.chart.SpeedupPoint}), and
 * {@link arena.bench.report.chart.GanttChart}, one lane per worker of a recorded run, over the grid's
 * picture. Everything here takes values and a path and knows nothing of reports or commands.
 *
 * <p>May import: {@code arena.core} (the recorded {@code Timeline}, the grid), {@code arena.bench.report.render},
 * XChart, Java2D and ImageIO. Must not import: {@code arena.bench.report} itself, {@code arena.bench.measure},
 * {@code arena.bench.cli}.
 */
package arena.bench.report.chart;
