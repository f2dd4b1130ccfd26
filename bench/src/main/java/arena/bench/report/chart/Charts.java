package arena.bench.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes benchmark results as PNG charts drawn with XChart, headless, {@value #WIDTH} pixels wide.
 *
 * <p>Each method validates its input before drawing (an empty list is an {@link IllegalArgumentException},
 * a null argument a {@link NullPointerException}; NaN cannot reach it, since the value records reject it),
 * creates the PNG's missing parent directories and replaces an existing file.
 *
 * <p>Threading: stateless; each call builds its own chart, so calls may run concurrently from any threads,
 * as long as they write different files.
 */
public final class Charts {

    /** Width in pixels of every chart. */
    public static final int WIDTH = 1000;
    /** Height in pixels of a speed-up chart. */
    public static final int SPEEDUP_HEIGHT = 650;
    /** Pixels per bar of a median-time chart, whose height is {@code 150 + bars * ROW_PX}. */
    public static final int ROW_PX = 24;
    private static final int FRAME_PX = 150;
    private static final int LABEL_GAP = 8;
    private static final String IDEAL = "ideal (speed-up = threads)";
    private static final Color BAR = new Color(0x4C72B0);
    private static final Color WHISKER = new Color(0x202020);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Charts() {
    }

    /**
     * Writes a horizontal bar chart of {@code bars}, first bar at the top, one row of {@value #ROW_PX} pixels
     * each, so the height grows with the number of bars; the time axis is titled "milliseconds" and starts at 0.
     *
     * <p>How it is drawn: each bar is a thick line (butt caps, so it ends exactly at the median) from 0 to
     * {@code medianMs}; over it, the whisker is a thin line from exactly {@code lowMs} to exactly {@code highMs}
     * with a short vertical cap at each end. Both are XChart XY series at the row's y. The labels are drawn
     * right-aligned in a column left of the XChart plot, at the pixel row XChart reports for that y; the column
     * is at most half the width, so the head of a longer label is cut off.
     */
    public static void writeMedianTimes(String title, List<TimeBar> bars, Path png) throws IOException {
        requireInput(title, bars, png, "bars");
        int n = bars.size();
        int height = FRAME_PX + n * ROW_PX;
        int labelWidth = labelColumnWidth(bars);
        XYChart chart = new XYChartBuilder().width(WIDTH - labelWidth).height(height).title(title)
                .xAxisTitle("milliseconds").build();
        chart.getStyler().setYAxisTicksVisible(false).setYAxisMin(-0.6).setYAxisMax(n - 0.4).setXAxisMin(0.0)
                .setPlotGridHorizontalLinesVisible(false).setMarkerSize(ROW_PX / 2)
                .setLegendPosition(LegendPosition.OutsideS).setLegendLayout(LegendLayout.Horizontal);
        BasicStroke barStroke = new BasicStroke(ROW_PX * 0.55f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
        BasicStroke whiskerStroke = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
        for (int i = 0; i < n; i++) {
            TimeBar bar = bars.get(i);
            double[] y = {n - 1 - i, n - 1 - i};
            XYSeries median = chart.addSeries(i == 0 ? "median" : "median " + i, new double[] {0, bar.medianMs()}, y);
            median.setLineStyle(barStroke).setLineColor(BAR).setShowInLegend(i == 0);
            median.setMarker(SeriesMarkers.NONE);
            XYSeries range = chart.addSeries(i == 0 ? "95% interval of the median" : "95% interval " + i,
                    new double[] {bar.lowMs(), bar.highMs()}, y);
            range.setLineStyle(whiskerStroke).setLineColor(WHISKER).setShowInLegend(i == 0);
            range.setMarker(new WhiskerCap()).setMarkerColor(WHISKER);
        }
        BufferedImage plot = BitmapEncoder.getBufferedImage(chart);
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(chart.getStyler().getChartBackgroundColor());
            g.fillRect(0, 0, WIDTH, height);
            g.drawImage(plot, labelWidth, 0, null);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(LABEL_FONT);
            g.setColor(Color.BLACK);
            FontMetrics metrics = g.getFontMetrics();
            for (int i = 0; i < n; i++) {
                String label = bars.get(i).label();
                double rowY = chart.getScreenYFromChart(n - 1 - i);
                g.drawString(label, labelWidth - LABEL_GAP - metrics.stringWidth(label),
                        (float) (rowY + (metrics.getAscent() - metrics.getDescent()) / 2.0));
            }
        } finally {
            g.dispose();
        }
        write(image, png);
    }

    /**
     * Writes speed-up versus threads, {@value #WIDTH} x {@value #SPEEDUP_HEIGHT} pixels: one line with markers per
     * series (in order of first appearance, points sorted by threads) and a grey dashed "ideal" line, speed-up =
     * threads, from the smallest to the largest thread count present. Axes: "threads", "speed-up over sequential".
     *
     * @throws IllegalArgumentException also when a series has two points with the same thread count
     */
    public static void writeSpeedup(String title, List<SpeedupPoint> points, Path png) throws IOException {
        requireInput(title, points, png, "points");
        Map<String, List<SpeedupPoint>> bySeries = new LinkedHashMap<>();
        for (SpeedupPoint point : points) {
            List<SpeedupPoint> series = bySeries.computeIfAbsent(point.series(), s -> new ArrayList<>());
            if (series.stream().anyMatch(p -> p.threads() == point.threads())) {
                throw new IllegalArgumentException("series '" + point.series() + "' has two points at "
                        + point.threads() + " threads");
            }
            series.add(point);
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(SPEEDUP_HEIGHT).title(title)
                .xAxisTitle("threads").yAxisTitle("speed-up over sequential").build();
        chart.getStyler().setXAxisTickLabelsFormattingFunction(Charts::wholeNumber)
                .setYAxisMin(0.0).setLegendPosition(LegendPosition.OutsideE);
        for (Map.Entry<String, List<SpeedupPoint>> entry : bySeries.entrySet()) {
            List<SpeedupPoint> series = entry.getValue();
            series.sort(Comparator.comparingInt(SpeedupPoint::threads));
            chart.addSeries(entry.getKey(), series.stream().mapToDouble(SpeedupPoint::threads).toArray(),
                    series.stream().mapToDouble(SpeedupPoint::speedup).toArray());
        }
        double low = points.stream().mapToInt(SpeedupPoint::threads).min().orElseThrow();
        double high = points.stream().mapToInt(SpeedupPoint::threads).max().orElseThrow();
        XYSeries ideal = chart.addSeries(IDEAL, new double[] {low, high}, new double[] {low, high});
        ideal.setLineStyle(SeriesLines.DASH_DASH).setLineColor(Color.GRAY);
        ideal.setMarker(SeriesMarkers.NONE);
        write(BitmapEncoder.getBufferedImage(chart), png);
    }

    /** A tick label: whole thread counts only. */
    private static String wholeNumber(double x) {
        return x == Math.rint(x) ? Long.toString(Math.round(x)) : "";
    }

    private static void requireInput(String title, List<?> items, Path png, String name) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(items, name);
        Objects.requireNonNull(png, "png");
        if (items.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        items.forEach(item -> Objects.requireNonNull(item, name + " must not contain null"));
    }

    /** The label column: wide enough for the widest label plus gaps, at most half the chart. */
    private static int labelColumnWidth(List<TimeBar> bars) {
        FontRenderContext context = new FontRenderContext(null, true, true);
        double widest = bars.stream().mapToDouble(bar -> LABEL_FONT.getStringBounds(bar.label(), context).getWidth())
                .max().orElse(0);
        return Math.min((int) Math.ceil(widest) + 2 * LABEL_GAP, WIDTH / 2);
    }

    /**
     * Writes the "which model" heat map: one panel per distinct {@link ModelCell#panel()}, in order of
     * first appearance, stacked top to bottom, {@value #WIDTH} pixels wide; in each, a row per model and
     * a column per schedule, each cell coloured and labelled by its ratio to the column's fastest model
     * (green at 1, through yellow at 1.5, to red at 2 or more); a model tied for best is drawn
     * as 1.00. A model that did not run a column leaves its cell empty.
     */
    public static void writeWhichModel(String title, List<ModelCell> cells, Path png) throws IOException {
        requireInput(title, cells, png, "cells");
        Map<String, List<ModelCell>> panels = new LinkedHashMap<>();
        cells.forEach(c -> panels.computeIfAbsent(c.panel(), p -> new ArrayList<>()).add(c));
        List<String> allModels = cells.stream().map(ModelCell::model).distinct().toList();
        List<String> allColumns = cells.stream().map(ModelCell::column).distinct().toList();
        List<BufferedImage> images = new ArrayList<>();
        for (Map.Entry<String, List<ModelCell>> panel : panels.entrySet()) {
            List<String> models = allModels.stream().filter(m -> panel.getValue().stream().anyMatch(c -> c.model().equals(m))).toList();
            List<String> columns = allColumns.stream().filter(k -> panel.getValue().stream().anyMatch(c -> c.column().equals(k))).toList();
            HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(FRAME_PX + 40 + models.size() * 2 * ROW_PX)
                    .title(images.isEmpty() ? title + ": " + panel.getKey() : panel.getKey()).build();
            HeatMapStyler styler = chart.getStyler();
            styler.setShowValue(true).setMin(1).setMax(2)
                    .setHeatMapValueDecimalPattern("0.00")
                    .setRangeColors(new Color[] {new Color(0x2CA02C), new Color(0xF2E34C), new Color(0xD62728)});
            styler.setLegendVisible(false);
            styler.setYAxisTickMarkSpacingHint(ROW_PX / 2);
            styler.setXAxisTickMarkSpacingHint(ROW_PX / 2);
            List<Number[]> heat = new ArrayList<>();
            for (ModelCell c : panel.getValue()) {
                heat.add(new Number[] {columns.indexOf(c.column()), models.indexOf(c.model()), c.drawn()});
            }
            chart.addSeries("ratio to the best", columns, models, heat);
            images.add(BitmapEncoder.getBufferedImage(chart));
        }
        int height = images.stream().mapToInt(BufferedImage::getHeight).sum();
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            int y = 0;
            for (BufferedImage panel : images) {
                g.drawImage(panel, 0, y, null);
                y += panel.getHeight();
            }
        } finally {
            g.dispose();
        }
        write(image, png);
    }

    private static void write(BufferedImage image, Path png) throws IOException {
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(image, "png", png.toFile())) {
            throw new IOException("no PNG writer available for " + png);
        }
    }

    /** A whisker's end: a vertical stroke of the marker's size, centred on the point. */
    private static final class WhiskerCap extends Marker {
        @Override
        public void paint(Graphics2D g, double xOffset, double yOffset, int markerSize) {
            g.setStroke(new BasicStroke(1.5f));
            g.draw(new Line2D.Double(xOffset, yOffset - markerSize / 2.0, xOffset, yOffset + markerSize / 2.0));
        }
    }
}
