package arena.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {

    @Test
    void writesAPngOfTheGridsSize_withInteriorAndEscapedCellsInDifferentColours(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("julia.png");
        CliRunner run = CliRunner.run("render", "--resolution", "120", "--strategy", "threads", "--out", png.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("121x121");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(121);
        assertThat(image.getHeight()).isEqualTo(121);
        // the centre (0+0i) stays bounded for c = 0.322+0.05i; the corner (-1.5-1.5i) escapes at once
        assertThat(image.getRGB(60, 60)).isNotEqualTo(image.getRGB(0, 0));
    }

    @Test
    void outPointingAtADirectory_isBadInput(@TempDir Path dir) throws Exception {
        CliRunner run = CliRunner.run("render", "--resolution", "10", "--out", dir.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("--out").contains("directory");
        assertThat(Files.list(dir)).isEmpty();
    }
}
