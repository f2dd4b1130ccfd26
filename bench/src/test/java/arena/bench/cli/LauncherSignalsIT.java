package arena.bench.cli;


import arena.strategy.akkacluster.WorkerMain;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signals through the real {@code ./arena} launcher, each during a long run (a 4000 x 4000 grid on
 * the scalar kernel, about 18 s on one thread): whatever reaches the launcher reaches the run, the
 * exit status is the JVM's, stderr holds one line, and nothing of the launcher's process group (the
 * JVM, the stderr filter) is left, nor its temporary FIFO directory. Every run starts in a session
 * of its own, so no signal reaches Maven or CI. A run counts as going once its worker thread
 * ({@code arena-threads-worker...}) exists, which is after the JVM's signal handling is in place.
 */
class LauncherSignalsIT {

    private static final String[] LONG_RUN = {"compute", "--resolution", "4000", "--kernel", "scalar", "--strategy", "threads", "--threads", "1"};
    private static final String WORKER = "arena-threads-w";
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration END = Duration.ofSeconds(30);

    @Test
    void ctrlCInATerminal_exits130_withOneLineOnStderr_andLeavesNothingRunning(@TempDir Path dir) throws Exception {
        Path stderr = dir.resolve("stderr.txt");
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        // script(1) runs the launcher on a new pseudo-terminal as its foreground process group and copies
        // its own stdin to the terminal: a 0x03 byte there is Ctrl-C, which the terminal sends as SIGINT
        // to that whole group (the JVM and the launcher's stderr filter alike).
        String command = RealLauncher.arenaForShell(LONG_RUN) + " 2>" + RealLauncher.quote(stderr.toString());
        Process terminal = RealLauncher.inNewSession(tmp, Map.of(), List.of("script", "-qfec", command, "/dev/null"))
                .redirectOutput(dir.resolve("terminal.txt").toFile()).redirectErrorStream(true).start();
        long group = terminal.pid();
        try {
            long jvm = RealLauncher.awaitJvmWithThread(terminal.pid(), WORKER, START);
            group = RealLauncher.groupOf(jvm);
            try (OutputStream keyboard = terminal.getOutputStream()) {
                keyboard.write(0x03);
                keyboard.flush();
                assertThat(RealLauncher.exitCodeWithin(terminal, END)).as("script -e passes on the run's exit code").isEqualTo(ExitCode.INTERRUPTED);
            }
            assertThat(RealLauncher.awaitGroupGone(group, Duration.ofSeconds(5))).as("processes left in the terminal's group").isEmpty();
        } finally {
            RealLauncher.destroyGroup(group);
            RealLauncher.destroyGroup(terminal.pid());
        }
        assertSaidOnlyAndLeftNoFile(stderr, tmp, "arena compute: interrupted; the run was cancelled and every worker stopped");
    }

    @Test
    void sigtermToTheLaunchersGroup_exits143_withOneLineOnStderr_andLeavesNothingRunning(@TempDir Path dir) throws Exception {
        Path stderr = dir.resolve("stderr.txt");
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        Process launcher = RealLauncher.inNewSession(tmp, Map.of(), RealLauncher.arena(LONG_RUN))
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(stderr.toFile()).start();
        try {
            long jvm = RealLauncher.awaitJvmWithThread(launcher.pid(), WORKER, START);
            assertThat(jvm).as("the launcher's process is the JVM").isEqualTo(launcher.pid());
            assertThat(RealLauncher.groupOf(jvm)).as("setsid gave the launcher a group of its own").isEqualTo(launcher.pid());
            signalGroup("TERM", launcher.pid());
            assertThat(RealLauncher.exitCodeWithin(launcher, END)).isEqualTo(ExitCode.TERMINATED);
            assertThat(RealLauncher.awaitGroupGone(launcher.pid(), Duration.ofSeconds(5))).as("processes left in the launcher's group").isEmpty();
        } finally {
            RealLauncher.destroyGroup(launcher.pid());
        }
        assertThat(Files.readString(dir.resolve("stdout.txt"))).isEmpty();
        assertSaidOnlyAndLeftNoFile(stderr, tmp, "arena compute: terminated (SIGTERM); the run was cancelled and every worker stopped");
    }

    @Test
    void kill9OfTheLauncher_endsTheJvm_andTheStderrFilter(@TempDir Path dir) throws Exception {
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        Process launcher = RealLauncher.inNewSession(tmp, Map.of(), RealLauncher.arena(LONG_RUN))
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile()).start();
        try {
            RealLauncher.awaitJvmWithThread(launcher.pid(), WORKER, START);
            new ProcessBuilder("kill", "-KILL", Long.toString(launcher.pid())).start().waitFor();
            assertThat(RealLauncher.exitCodeWithin(launcher, END)).isEqualTo(128 + 9);
            assertThat(RealLauncher.awaitGroupGone(launcher.pid(), Duration.ofSeconds(5))).as("processes left in the launcher's group").isEmpty();
        } finally {
            RealLauncher.destroyGroup(launcher.pid());
        }
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void timeoutReachingItsLimit_reports124_afterTheRunEndedWithItsOneLine(@TempDir Path dir) throws Exception {
        Path stderr = dir.resolve("stderr.txt");
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        List<String> command = new ArrayList<>(List.of("timeout", "8"));
        command.addAll(RealLauncher.arena(LONG_RUN));
        Process timeout = RealLauncher.inNewSession(tmp, Map.of(), command)
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(stderr.toFile()).start();
        try {
            long jvm = RealLauncher.awaitJvmWithThread(timeout.pid(), WORKER, Duration.ofSeconds(8));
            assertThat(RealLauncher.exitCodeWithin(timeout, END)).as("timeout's own status when its limit is reached").isEqualTo(124);
            assertThat(RealLauncher.isRunning(jvm)).as("the JVM is still running").isFalse();
            assertThat(RealLauncher.awaitGroupGone(timeout.pid(), Duration.ofSeconds(5))).as("processes left in timeout's group").isEmpty();
        } finally {
            RealLauncher.destroyGroup(timeout.pid());
        }
        assertSaidOnlyAndLeftNoFile(stderr, tmp, "arena compute: terminated (SIGTERM); the run was cancelled and every worker stopped");
    }

    @Test
    void sigtermToAWorkerNode_exits143_withOneLineOnStderr_andLeavesNothingRunning(@TempDir Path dir) throws Exception {
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        String self = "127.0.0.1:" + freeLoopbackPort();
        Process launcher = RealLauncher.inNewSession(tmp, Map.of(),
                        RealLauncher.arena("worker", "--host", "127.0.0.1", "--port", self.substring(self.indexOf(':') + 1), "--join", self, "--threads", "1"))
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        try {
            long deadline = System.nanoTime() + START.toNanos();
            while (!Files.readString(stdout).contains(WorkerMain.UP_LINE) && launcher.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(Files.readString(stdout)).as("the worker node is up").contains(WorkerMain.UP_LINE + self);
            signalGroup("TERM", launcher.pid());
            assertThat(RealLauncher.exitCodeWithin(launcher, END)).isEqualTo(ExitCode.TERMINATED);
            assertThat(RealLauncher.awaitGroupGone(launcher.pid(), Duration.ofSeconds(5))).as("processes left in the launcher's group").isEmpty();
        } finally {
            RealLauncher.destroyGroup(launcher.pid());
        }
        // A loaded machine may add Akka's own log lines ("[arena-akka-cluster-...] WARN ..."); the tool says one thing.
        assertThat(Files.readAllLines(stderr)).as("a node that was waiting, not running a grid").filteredOn(line -> !line.startsWith("[arena-akka-cluster"))
                .containsExactly("arena: terminated (SIGTERM)");
        assertThat(tmp).isEmptyDirectory();
    }

    /** What a stopped run leaves: exactly {@code line} on stderr and nothing in its temporary directory. */
    private static void assertSaidOnlyAndLeftNoFile(Path stderr, Path tmp, String line) throws Exception {
        assertThat(Files.readAllLines(stderr)).containsExactly(line);
        assertThat(tmp).isEmptyDirectory();
    }

    private static int freeLoopbackPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void signalGroup(String signal, long group) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, "--", "-" + group).start().waitFor()).isZero();
    }
}
