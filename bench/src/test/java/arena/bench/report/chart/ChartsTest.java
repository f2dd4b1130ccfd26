package arena.bench.report.chart;


import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import javax.imageio.ImageIO;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChartsTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    static List<TimeBar> bars(int count) {
        String[] strategies = {"forkjoin", "threads", "virtual", "reactor", "akka"};
        String[] schedules = {"static", "dynamic:1", "guided:4"};
        List<TimeBar> bars = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int threads = 1 << (i % 4);
            double median = 250 + (i * 37) % 350;
            bars.add(new TimeBar(strategies[i % 5] + "/scalar/" + threads + "t/" + schedules[i % 3],
                    median, median * 0.93, median * 1.12));
        }
        return bars;
    }

    static List<SpeedupPoint> speedups() {
        List<SpeedupPoint> points = new ArrayList<>();
        for (int threads : new int[] {1, 2, 4, 8, 16}) {
            points.add(new SpeedupPoint("forkjoin/dynamic:1", threads, threads / (1 + 0.04 * threads)));
            points.add(new SpeedupPoint("threads/static", threads, threads / (1 + 0.15 * threads)));
            points.add(new SpeedupPoint("virtual/guided:4", threads, Math.min(threads, 6.5)));
        }
        return points;
    }

    static BufferedImage read(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("a PNG that ImageIO can decode").isNotNull();
        return image;
    }

    @Test
    void medianTimes_writesPngOfFixedWidth_intoMissingDirectories() throws IOException {
        Path png = dir.resolve("deep/er/medians.png");

        Charts.writeMedianTimes("Median time per configuration", bars(6), png);

        assertThat(read(png).getWidth()).isEqualTo(Charts.WIDTH);
    }

    @Test
    void medianTimes_growsTallerWithMoreBars() throws IOException {
        Charts.writeMedianTimes("few", bars(5), dir.resolve("few.png"));
        Charts.writeMedianTimes("many", bars(60), dir.resolve("many.png"));

        BufferedImage few = read(dir.resolve("few.png"));
        BufferedImage many = read(dir.resolve("many.png"));
        assertThat(many.getHeight()).isGreaterThan(few.getHeight() + 50 * Charts.ROW_PX - 1);
        assertThat(many.getWidth()).isEqualTo(few.getWidth()).isEqualTo(Charts.WIDTH);
    }

    @Test
    void medianTimes_acceptsVeryLongLabels() throws IOException {
        String longLabel = "x".repeat(400) + "/forkjoin/scalar/2t/dynamic:1";
        Path png = dir.resolve("long.png");

        Charts.writeMedianTimes("long", List.of(new TimeBar(longLabel, 300, 280, 330)), png);

        assertThat(read(png).getWidth()).isEqualTo(Charts.WIDTH);
    }

    @Test
    void medianTimes_barEndsAtMedian_andWhiskerSpansMinToMax() throws IOException {
        // the time axis is linear, pixel(t) = p0 + t * pxPerMs: calibrated on where the bars start and bar c ends;
        // antialiased edges are half-covered pixels, so a solid run ends half a pixel inside the true edge
        List<TimeBar> bars = List.of(new TimeBar("a", 100, 90, 300), new TimeBar("b", 200, 40, 210),
                new TimeBar("c", 400, 390, 600));
        Path png = dir.resolve("exact.png");
        Charts.writeMedianTimes("exact", bars, png);
        BufferedImage image = read(png);

        List<int[]> rows = barRows(image); // per bar: first and last pixel row of its blue
        assertThat(rows).hasSize(3);
        double p0 = firstX(image, rows.get(0)[0] + 1, ChartsTest::isBarBlue, 0) - 0.5;
        double pxPerMs = (lastX(image, rows.get(2)[0] + 1, ChartsTest::isBarBlue) + 1 - p0) / 400;
        assertThat(pxPerMs).isGreaterThan(1.0);
        for (int i = 0; i < bars.size(); i++) {
            TimeBar bar = bars.get(i);
            int edgeRow = rows.get(i)[0] + 1;
            int centreRow = (rows.get(i)[0] + rows.get(i)[1]) / 2;
            assertThat(firstX(image, edgeRow, ChartsTest::isBarBlue, 0) - 0.5).as("bar %s starts at 0", bar.label())
                    .isCloseTo(p0, Offset.offset(0.1));
            assertThat(lastX(image, edgeRow, ChartsTest::isBarBlue) + 1.0).as("bar %s ends at its median", bar.label())
                    .isCloseTo(p0 + bar.medianMs() * pxPerMs, Offset.offset(2.0));
            assertThat((double) firstX(image, centreRow, ChartsTest::isDark, (int) p0))
                    .as("whisker %s from min", bar.label())
                    .isCloseTo(p0 + bar.lowMs() * pxPerMs, Offset.offset(2.0));
            assertThat((double) lastX(image, centreRow, ChartsTest::isDark)).as("whisker %s to max", bar.label())
                    .isCloseTo(p0 + bar.highMs() * pxPerMs, Offset.offset(2.0));
        }
    }

    @Test
    void medianTimes_drawsAllZeroTimes() throws IOException {
        Path png = dir.resolve("zero.png");

        Charts.writeMedianTimes("zero", List.of(new TimeBar("idle", 0, 0, 0)), png);

        assertThat(read(png).getWidth()).isEqualTo(Charts.WIDTH);
    }

    private static boolean isBarBlue(int rgb) {
        return (rgb & 0xffffff) == 0x4C72B0;
    }

    private static boolean isDark(int rgb) {
        return ((rgb >> 16) & 0xff) < 0x80 && ((rgb >> 8) & 0xff) < 0x80 && (rgb & 0xff) < 0x80;
    }

    /** Pixel-row ranges holding bar blue, top to bottom. */
    private static List<int[]> barRows(BufferedImage image) {
        List<int[]> rows = new ArrayList<>();
        int start = -1;
        for (int y = 0; y <= image.getHeight(); y++) {
            boolean blue = y < image.getHeight() && firstX(image, y, ChartsTest::isBarBlue, 0) >= 0;
            if (blue && start < 0) {
                start = y;
            } else if (!blue && start >= 0) {
                rows.add(new int[] {start, y - 1});
                start = -1;
            }
        }
        rows.removeIf(r -> r[1] - r[0] < 5); // the legend swatch is bar blue too, but lower than the plot's bars
        return rows.size() > 3 ? rows.subList(0, 3) : rows;
    }

    private static int firstX(BufferedImage image, int y, IntPredicate colour, int from) {
        for (int x = from; x < image.getWidth(); x++) {
            if (colour.test(image.getRGB(x, y))) {
                return x;
            }
        }
        return -1;
    }

    private static int lastX(BufferedImage image, int y, IntPredicate colour) {
        for (int x = image.getWidth() - 1; x >= 0; x--) {
            if (colour.test(image.getRGB(x, y))) {
                return x;
            }
        }
        return -1;
    }

    @Test
    void speedup_handlesManyEvenlySpacedThreadCounts() throws IOException {
        List<SpeedupPoint> points = new ArrayList<>();
        for (int threads = 1; threads <= 64; threads++) {
            points.add(new SpeedupPoint("threads/static", threads, Math.sqrt(threads)));
        }
        Path png = dir.resolve("many-threads.png");

        Charts.writeSpeedup("many", points, png);

        assertThat(read(png).getHeight()).isEqualTo(Charts.SPEEDUP_HEIGHT);
    }

    @Test
    void speedup_writesPngOfFixedSize() throws IOException {
        Path png = dir.resolve("charts/speedup.png");

        Charts.writeSpeedup("Speed-up", speedups(), png);

        BufferedImage image = read(png);
        assertThat(image.getWidth()).isEqualTo(Charts.WIDTH);
        assertThat(image.getHeight()).isEqualTo(Charts.SPEEDUP_HEIGHT);
    }

    @Test
    void speedup_drawsASingleThreadCount() throws IOException {
        Path png = dir.resolve("one.png");

        Charts.writeSpeedup("one", List.of(new SpeedupPoint("seq", 1, 1.0)), png);

        assertThat(read(png).getWidth()).isEqualTo(Charts.WIDTH);
    }

    @Test
    void emptyLists_areRejected() {
        assertThatThrownBy(() -> Charts.writeMedianTimes("t", List.of(), dir.resolve("a.png")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bars must not be empty");
        assertThatThrownBy(() -> Charts.writeSpeedup("t", List.of(), dir.resolve("b.png")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("points must not be empty");
        assertThat(dir.resolve("a.png")).doesNotExist();
    }

    @Test
    void nanAndDisorderedTimes_areRejected() {
        assertThatThrownBy(() -> new TimeBar("a", Double.NaN, 1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("medianMs");
        assertThatThrownBy(() -> new TimeBar("a", 5, 6, 7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lowMs <= medianMs <= highMs");
        assertThatThrownBy(() -> new TimeBar(" ", 5, 4, 7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label");
    }

    @Test
    void nanSpeedupsAndBadThreadCounts_areRejected() {
        assertThatThrownBy(() -> new SpeedupPoint("s", 2, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("speedup");
        assertThatThrownBy(() -> new SpeedupPoint("s", 0, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads");
    }

    @Test
    void speedup_rejectsTwoPointsAtOneThreadCountOfASeries() {
        List<SpeedupPoint> twice = List.of(new SpeedupPoint("s", 2, 1.5), new SpeedupPoint("s", 2, 1.7));

        assertThatThrownBy(() -> Charts.writeSpeedup("t", twice, dir.resolve("c.png")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two points at 2 threads");
    }

    /** Writes samples to look at: {@code target/samples/*.png}. */
    @Test
    void samples_areWrittenForInspection() throws IOException {
        Path out = Path.of("target/samples");
        Charts.writeMedianTimes("Julia 1000x1000, median of 5 runs", bars(12), out.resolve("medians-12.png"));
        Charts.writeMedianTimes("Julia 1000x1000, median of 5 runs", bars(60), out.resolve("medians-60.png"));
        Charts.writeSpeedup("Speed-up over sequential", speedups(), out.resolve("speedup.png"));

        assertThat(out.resolve("speedup.png")).exists();
    }

    @Test
    void whichModel_drawsOnePanelPerThreadCount_stackedToTheFullWidth_andRefusesARatioUnderOne() throws Exception {
        List<ModelCell> onePanel = List.of(new ModelCell("1 thread", "forkjoin", "static", 1, true),
                new ModelCell("1 thread", "virtual", "static", 1.4, false));
        List<ModelCell> twoPanels = new java.util.ArrayList<>(onePanel);
        twoPanels.add(new ModelCell("2 threads", "forkjoin", "dynamic:1", 1.02, true));
        twoPanels.add(new ModelCell("2 threads", "virtual", "dynamic:1", 1.7, false));
        Path one = dir.resolve("one.png");
        Path two = dir.resolve("two.png");

        Charts.writeWhichModel("Ratio to the best model", onePanel, one);
        Charts.writeWhichModel("Ratio to the best model", twoPanels, two);

        java.awt.image.BufferedImage first = javax.imageio.ImageIO.read(one.toFile());
        java.awt.image.BufferedImage second = javax.imageio.ImageIO.read(two.toFile());
        assertThat(first.getWidth()).isEqualTo(Charts.WIDTH);
        assertThat(second.getWidth()).isEqualTo(Charts.WIDTH);
        assertThat(second.getHeight()).isEqualTo(2 * first.getHeight());
        assertThat(new ModelCell("2 threads", "threads", "static", 1.3, true).drawn()).isEqualTo(1);
        assertThatThrownBy(() -> new ModelCell("1 thread", "virtual", "static", 0.9, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ratio must be finite and >= 1");
    }
}
