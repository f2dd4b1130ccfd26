package arena.bench.cli;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Output that cannot be written is an error, never a silent success: on real child JVMs whose
 * standard output is a closed pipe, a device that is always full, or a file on a full file system,
 * and whose files go to a full file system. The full file system is a small tmpfs mounted inside
 * {@code unshare -m}, so it vanishes with the test's shell whatever happens; where that cannot be
 * done (not root, no unshare) the test is skipped with the reason.
 */
class OutputErrorsTest {

    private static final String[] QUICK_COMPARE = {"compare", "--strategies", "forkjoin", "--threads", "1", "--kernels", "scalar",
            "--schedules", "static", "--resolution", "20", "--repeat", "1", "--warmup", "0", "--budget", "0"};

    @Test
    void strategiesIntoAClosedPipe_exitsThree_sayingWhy(@TempDir Path dir) throws Exception {
        Process process = new ProcessBuilder(ChildCli.command("strategies")).redirectError(dir.resolve("stderr.txt").toFile()).start();
        process.getInputStream().close(); // long before the JVM has started: its first write finds the pipe closed
        assertOutputFailed(process);
        assertThat(errorLines(dir.resolve("stderr.txt"))).containsExactly("arena strategies: could not write standard output: Broken pipe");
    }

    @Test
    void computeJsonIntoADeviceThatIsAlwaysFull_exitsThree_sayingWhy(@TempDir Path dir) throws Exception {
        Path full = dir.resolve("full");
        int made = ChildCli.tool(dir.resolve("mknod.log"), "mknod", full.toString(), "c", "1", "7");
        String mknodSaid = Files.readString(dir.resolve("mknod.log")).strip();
        assumeTrue(made == 0, () -> skip("mknod needs root (CAP_MKNOD): " + mknodSaid));
        Process process;
        try {
            process = new ProcessBuilder(ChildCli.command("compute", "--format", "json", "--resolution", "20"))
                    .redirectOutput(full.toFile()).redirectError(dir.resolve("stderr.txt").toFile()).start();
        } catch (IOException e) {
            assumeTrue(false, () -> skip("the device node cannot be opened here (a nodev mount?): " + e.getMessage()));
            return;
        }
        assertOutputFailed(process);
        assertThat(errorLines(dir.resolve("stderr.txt"))).containsExactly("arena compute: could not write standard output: No space left on device");
    }

    /** Waits for the child command and asserts that it exited 3; destroys it in any case. */
    private static void assertOutputFailed(Process process) throws InterruptedException {
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(ExitCode.OUTPUT_FAILED);
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void computeJsonIntoAFileOnAFullFileSystem_exitsThree_sayingWhy(@TempDir Path dir) throws Exception {
        int code = onAFullFileSystem(dir, "", ChildCli.shellCommand("compute", "--format", "json", "--resolution", "20") + " > \"$MNT/out.json\"", "");
        assertThat(code).isEqualTo(ExitCode.OUTPUT_FAILED);
        assertThat(errorLines(dir.resolve("stderr.txt"))).containsExactly("arena compute: could not write standard output: No space left on device");
    }

    @Test
    void renderOntoAFullFileSystem_exitsThree_keepsThePreviousPng_andLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path previous = dir.resolve("previous.png");
        assertThat(CliRunner.run("render", "--resolution", "20", "--out", previous.toString()).exitCode()).isZero();

        int code = onAFullFileSystem(dir, "cp \"$OUT/previous.png\" \"$MNT/julia.png\"",
                ChildCli.shellCommand("render", "--resolution", "60", "--out", "julia.png") + " > \"$OUT/stdout.txt\"",
                "cp \"$MNT/julia.png\" \"$OUT/after.png\"");

        assertThat(code).isEqualTo(ExitCode.OUTPUT_FAILED);
        assertThat(errorLines(dir.resolve("stderr.txt"))).singleElement().asString()
                .endsWith("could not write " + dir.resolve("mnt/julia.png") + ": No space left on device; the previous file is unchanged");
        assertThat(Files.mismatch(previous, dir.resolve("after.png"))).isEqualTo(-1);
        assertThat(Files.readAllLines(dir.resolve("listing.txt"))).containsExactly("filler", "julia.png");
    }

    @Test
    void compareOntoAFullFileSystem_exitsThree_keepsThePreviousSet_andLeavesNoTemporaryDirectory(@TempDir Path dir) throws Exception {
        Path previous = dir.resolve("previous");
        String[] intoPrevious = concat(QUICK_COMPARE, "--out", previous.toString());
        assertThat(CliRunner.run(intoPrevious).exitCode()).isZero();

        int code = onAFullFileSystem(dir, "cp -R \"$OUT/previous\" \"$MNT/set\"",
                ChildCli.shellCommand(concat(QUICK_COMPARE, "--out", "set")) + " > \"$OUT/stdout.txt\"",
                "cp -R \"$MNT/set\" \"$OUT/after\"");

        assertThat(code).isEqualTo(ExitCode.OUTPUT_FAILED);
        assertThat(errorLines(dir.resolve("stderr.txt"))).singleElement().asString()
                .endsWith("could not write " + dir.resolve("mnt/set") + ": No space left on device; the previous set is unchanged");
        assertThat(ChildCli.names(dir.resolve("after"))).isEqualTo(ChildCli.names(previous));
        for (String name : ChildCli.names(previous)) {
            assertThat(Files.mismatch(previous.resolve(name), dir.resolve("after").resolve(name))).as(name).isEqualTo(-1);
        }
        assertThat(Files.readAllLines(dir.resolve("listing.txt"))).containsExactly("filler", "set");
    }

    /**
     * Runs {@code command} (working directory: the mount) in a shell of its own mount namespace after
     * mounting a 256 KiB tmpfs at {@code dir/mnt} ($MNT), running {@code setup} and filling the rest
     * of it; then lists the mount into {@code dir/listing.txt} and runs {@code after}. $OUT is
     * {@code dir}; the command's stderr goes to {@code dir/stderr.txt}. Returns the command's exit code.
     */
    private static int onAFullFileSystem(Path dir, String setup, String command, String after) throws Exception {
        Files.createDirectory(dir.resolve("mnt"));
        String script = String.join("\n",
                "MNT=" + ChildCli.quote(dir.resolve("mnt").toString()) + "; OUT=" + ChildCli.quote(dir.toString()),
                "mount -t tmpfs -o size=256k tmpfs \"$MNT\" || exit 97",
                setup,
                "head -c 4194304 /dev/zero > \"$MNT/filler\" 2>/dev/null",
                "cd \"$MNT\" && " + command + " 2> \"$OUT/stderr.txt\"",
                "echo $? > \"$OUT/code.txt\"",
                "ls -A \"$MNT\" > \"$OUT/listing.txt\"",
                after,
                "");
        Path scriptFile = Files.writeString(dir.resolve("full-disk.sh"), script);
        Path log = dir.resolve("unshare.log");
        int shell;
        try {
            shell = ChildCli.tool(log, "unshare", "-m", "sh", scriptFile.toString());
        } catch (IOException e) {
            assumeTrue(false, () -> skip("unshare cannot be started: " + e.getMessage()));
            return -1;
        }
        String unshareSaid = Files.readString(log).strip();
        assumeTrue(shell != 97 && Files.exists(dir.resolve("code.txt")),
                () -> skip("no tmpfs can be mounted in a mount namespace of our own here (needs root and unshare): " + unshareSaid));
        assertThat(shell).as(Files.readString(log)).isZero();
        assertThat(dir.resolve("mnt")).as("the tmpfs was private to the test's shell").isEmptyDirectory();
        return Integer.parseInt(Files.readString(dir.resolve("code.txt")).strip());
    }

    /** stderr without the JVM's own notice about incubator modules. */
    private static List<String> errorLines(Path stderr) throws IOException {
        return Files.readAllLines(stderr).stream().filter(line -> !line.startsWith("WARNING: Using incubator modules")).toList();
    }

    private static String skip(String reason) {
        String message = "skipped: " + reason;
        System.out.println("OutputErrorsTest " + message);
        return message;
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
