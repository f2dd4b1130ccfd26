package arena.bench.report.chart;

import arena.bench.report.render.JuliaPicture;
import arena.core.Timeline;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws a run's timeline as a Gantt chart PNG: one lane per worker, one bar per chunk from its start
 * to its end, shaded by the chunk's iterations per row through viridis (dark = cheap rows, yellow =
 * the costliest), a time axis in milliseconds from the run's start, and a red line where the result
 * came back (the join). A chunk computed on another node (akka-cluster) also has a thin grey bar
 * under it from when it was sent to when its rows came back: its time in flight (network and the
 * node's queue) around its compute bar; where a lane shows neither, its thread was waiting. Drawn
 * with Java2D, headless. Stateless; thread-safe.
 */
public final class GanttChart {

    private static final int WIDTH = 1200;
    private static final int LANE = 26;
    private static final int LEFT = 200;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final Color IN_FLIGHT = new Color(0x9E9E9E);

    private GanttChart() {
    }

    /**
     * Writes the chart of {@code chunks} (a run that started at {@code runStartNanos} and returned
     * at {@code resultNanos}) to {@code png}, creating its directory if needed.
     */
    public static void write(String title, List<Timeline.Chunk> chunks, List<Timeline.WorkerShare> workers, long runStartNanos,
                             long resultNanos, Path png) throws IOException {
        int height = TOP + BOTTOM + Math.max(1, workers.size()) * LANE;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, 10, 22);

        double wall = Math.max(1, resultNanos - runStartNanos);
        int plotWidth = WIDTH - LEFT - RIGHT;
        double maxDensity = chunks.stream().mapToDouble(c -> c.iterations() / (double) c.rows().rows()).max().orElse(1);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int lane = 0; lane < workers.size(); lane++) {
            String worker = workers.get(lane).worker();
            int y = TOP + lane * LANE;
            g.setColor(lane % 2 == 0 ? new Color(0xF4F4F4) : Color.WHITE);
            g.fillRect(LEFT, y, plotWidth, LANE);
            g.setColor(Color.DARK_GRAY);
            g.drawString(shorten(worker, 28), 8, y + LANE / 2 + 5);
            for (Timeline.Chunk chunk : chunks) {
                if (!chunk.worker().equals(worker)) {
                    continue;
                }
                int x0 = LEFT + (int) ((chunk.startNanos() - runStartNanos) / wall * plotWidth);
                int x1 = LEFT + (int) Math.ceil((chunk.endNanos() - runStartNanos) / wall * plotWidth);
                if (chunk.inFlightNanos() > 0) {
                    int sent = LEFT + (int) ((chunk.sentNanos() - runStartNanos) / wall * plotWidth);
                    int received = LEFT + (int) Math.ceil((chunk.receivedNanos() - runStartNanos) / wall * plotWidth);
                    g.setColor(IN_FLIGHT);
                    g.fillRect(sent, y + LANE - 5, Math.max(1, received - sent), 3);
                }
                double density = chunk.iterations() / (double) chunk.rows().rows() / Math.max(1e-9, maxDensity);
                g.setColor(new Color(JuliaPicture.viridis(density)));
                g.fillRect(x0, y + 3, Math.max(1, x1 - x0), chunk.inFlightNanos() > 0 ? LANE - 9 : LANE - 6);
            }
        }
        int axisY = TOP + workers.size() * LANE + 4;
        g.setColor(Color.BLACK);
        g.drawLine(LEFT, axisY, LEFT + plotWidth, axisY);
        double wallMs = wall / 1e6;
        double tick = niceTick(wallMs / 8);
        for (double t = 0; t <= wallMs + 1e-9; t += tick) {
            int x = LEFT + (int) (t / wallMs * plotWidth);
            g.drawLine(x, axisY, x, axisY + 5);
            g.drawString(String.format(Locale.ROOT, tick < 1 ? "%.2f" : "%.0f", t), x - 10, axisY + 20);
        }
        g.drawString("milliseconds since the run started (bars: chunks, colour: iterations per row; red: result returned)",
                LEFT, axisY + 40);
        g.setColor(Color.RED);
        g.setStroke(new BasicStroke(2f));
        g.drawLine(LEFT + plotWidth, TOP - 4, LEFT + plotWidth, axisY);
        g.dispose();
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ImageIO.write(image, "png", png.toFile());
    }

    private static double niceTick(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-6))));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * magnitude >= raw) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : "..." + text.substring(text.length() - max + 3);
    }
}
