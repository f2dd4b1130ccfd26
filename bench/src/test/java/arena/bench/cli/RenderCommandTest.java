package arena.bench.cli;


import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

    @Test
    void renderOverAnExistingPng_replacesIt_keepingItsPermissions_andLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("julia.png");
        assertThat(CliRunner.run("render", "--resolution", "10", "--out", png.toString()).exitCode()).isZero();
        Files.setPosixFilePermissions(png, PosixFilePermissions.fromString("rw-r-----"));

        CliRunner run = CliRunner.run("render", "--resolution", "40", "--out", png.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(41);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(png))).isEqualTo("rw-r-----");
        assertThat(ChildCli.names(dir)).containsExactly("julia.png");
    }

    @Test
    void aLinkToAPng_isFollowed_andStaysALink_whileADanglingLinkIsRefused(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("julia.png");
        assertThat(CliRunner.run("render", "--resolution", "10", "--out", png.toString()).exitCode()).isZero();
        Path link = Files.createSymbolicLink(dir.resolve("latest.png"), png);

        CliRunner run = CliRunner.run("render", "--resolution", "30", "--out", link.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(link).isSymbolicLink();
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(31);

        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.png"), dir.resolve("missing/julia.png"));
        CliRunner refused = CliRunner.run("render", "--resolution", "10", "--out", dangling.toString());
        assertRefused(refused, "is a symbolic link to " + dir.resolve("missing/julia.png") + ", which does not exist");
        assertThat(dangling).isSymbolicLink();
    }

    @Test
    void aFifoAndADeviceNode_areRefusedBeforeRendering_andStayWhatTheyAre(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("fifo.png");
        assertThat(ChildCli.tool(dir.resolve("mkfifo.log"), "mkfifo", fifo.toString())).isZero();
        assertRefused(CliRunner.run("render", "--resolution", "10", "--out", fifo.toString()), "is a FIFO");
        assertThat(ChildCli.fileType(fifo)).isEqualTo(0010000);

        Path device = dir.resolve("full");
        int made = ChildCli.tool(dir.resolve("mknod.log"), "mknod", device.toString(), "c", "1", "7");
        String mknodSaid = Files.readString(dir.resolve("mknod.log")).strip();
        assumeTrue(made == 0, () -> {
            System.out.println("skipped: mknod needs root (CAP_MKNOD): " + mknodSaid);
            return "skipped: mknod needs root (CAP_MKNOD): " + mknodSaid;
        });
        assertRefused(CliRunner.run("render", "--resolution", "10", "--out", device.toString()), "is a character device");
        assertThat(ChildCli.fileType(device)).isEqualTo(0020000);
    }

    @Test
    void procSelf_isRefusedBeforeRendering_asTheDirectoryItNames() {
        assertRefused(CliRunner.run("render", "--resolution", "10", "--out", "/proc/self"), "is a directory");
    }

    @Test
    void aNameOf255Bytes_isWritten_whileOneOf256IsRefusedBeforeRendering(@TempDir Path dir) throws Exception {
        Path longest = dir.resolve("j".repeat(251) + ".png");
        CliRunner run = CliRunner.run("render", "--resolution", "10", "--out", longest.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(longest).isNotEmptyFile();

        assertRefused(CliRunner.run("render", "--resolution", "10", "--out", dir.resolve("j".repeat(252) + ".png").toString()),
                "256 bytes long; at most 255 are allowed");
        assertThat(ChildCli.names(dir)).containsExactly(longest.getFileName().toString());
    }

    private static void assertRefused(CliRunner run, String inMessage) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().strip()).startsWith("arena render: --out: ").doesNotContain("\n").contains(inMessage);
        assertThat(run.out()).isEmpty();
    }
}
