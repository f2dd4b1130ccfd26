package arena.bench.report.render;

import arena.core.CountGrid;
import arena.core.Execution;
import arena.core.Schedule;
import arena.core.SequentialStrategy;
import arena.core.StrategyConfig;
import arena.core.problem.JuliaParams;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

class JuliaPictureTest {

    private static final int VIRIDIS_FIRST = 0x440154;
    private static final int VIRIDIS_LAST = 0xfde725;

    @TempDir
    Path dir;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xffffff;
    }

    /** Escaped cells at 1 around one interior cell at 1000. */
    private static CountGrid ring() {
        return new CountGrid(3, new int[] {1, 1, 1, 1, 1000, 1, 1, 1, 1});
    }

    @Test
    void image_hasOnePixelPerCell() {
        BufferedImage image = JuliaPicture.toImage(ring());

        assertThat(image.getWidth()).isEqualTo(3);
        assertThat(image.getHeight()).isEqualTo(3);
    }

    @Test
    void lowestCount_isViridisFirst_andHighestIsViridisLast() {
        BufferedImage image = JuliaPicture.toImage(ring());

        assertThat(rgb(image, 0, 0)).isEqualTo(VIRIDIS_FIRST);
        assertThat(rgb(image, 1, 1)).isEqualTo(VIRIDIS_LAST);
        assertThat(rgb(image, 1, 1)).isNotEqualTo(rgb(image, 2, 1));
    }

    @Test
    void middleOfTheLogRange_isViridisMiddle() {
        // ln(10) is halfway between ln(1) and ln(100): v = 0.5, entry 128 = #21918c
        CountGrid grid = new CountGrid(2, new int[] {1, 10, 100, 0});

        BufferedImage image = JuliaPicture.toImage(grid);

        assertThat(rgb(image, 1, 0)).isEqualTo(0x21918c);
        assertThat(rgb(image, 0, 1)).isEqualTo(VIRIDIS_LAST);
    }

    @Test
    void zeroCount_takesTheLowestColour() {
        CountGrid grid = new CountGrid(2, new int[] {0, 5, 7, 9});

        BufferedImage image = JuliaPicture.toImage(grid);

        assertThat(rgb(image, 0, 0)).isEqualTo(VIRIDIS_FIRST);
        assertThat(rgb(image, 1, 0)).isEqualTo(VIRIDIS_FIRST);
    }

    @Test
    void cellAtRow0Column2_isPixelX2Y0() {
        int[] cells = new int[9];
        Arrays.fill(cells, 1);
        cells[2] = 50; // (row 0, column 2)
        BufferedImage image = JuliaPicture.toImage(new CountGrid(3, cells));

        assertThat(rgb(image, 2, 0)).isEqualTo(VIRIDIS_LAST);
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 3; x++) {
                if (x != 2 || y != 0) {
                    assertThat(rgb(image, x, y)).as("pixel (%d, %d)", x, y).isEqualTo(VIRIDIS_FIRST);
                }
            }
        }
    }

    @Test
    void allEqualGrid_isOneColour() {
        BufferedImage image = JuliaPicture.toImage(new CountGrid(2, new int[] {7, 7, 7, 7}));
        BufferedImage zeros = JuliaPicture.toImage(new CountGrid(2, new int[4]));

        assertThat(rgb(image, 0, 0)).isEqualTo(VIRIDIS_FIRST);
        assertThat(rgb(image, 1, 1)).isEqualTo(VIRIDIS_FIRST);
        assertThat(rgb(zeros, 1, 0)).isEqualTo(VIRIDIS_FIRST);
    }

    @Test
    void writePng_writesADecodablePicture_intoMissingDirectories() throws IOException {
        Path png = dir.resolve("a/b/ring.png");

        JuliaPicture.writePng(ring(), png);

        BufferedImage read = ImageIO.read(png.toFile());
        assertThat(read).isNotNull();
        assertThat(rgb(read, 1, 1)).isEqualTo(VIRIDIS_LAST);
    }

    @Test
    void seedProblem_rendersAtResolution200() throws IOException {
        CountGrid grid = new SequentialStrategy(StrategyConfig.threads(1)).compute(
                JuliaParams.chapterCase().withResolution(200), Execution.reference());
        Path png = Path.of("target/julia-200.png");

        JuliaPicture.writePng(grid, png);

        BufferedImage read = ImageIO.read(png.toFile());
        assertThat(read.getWidth()).isEqualTo(grid.size());
        assertThat(read.getHeight()).isEqualTo(grid.size());
    }
}
