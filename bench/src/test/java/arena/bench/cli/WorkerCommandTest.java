package arena.bench.cli;


import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code arena worker} that cannot bind: bad input in one line naming the option (exit 2), never
 * Akka's stack trace, and the actor system that failed to start leaves no thread behind. Binding
 * only: no packet leaves the machine.
 */
class WorkerCommandTest {

    @Test
    void aPortInUse_isOneLineNamingPort_exitTwo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = Integer.toString(taken.getLocalPort());
            CliRunner run = CliRunner.run("worker", "--host", "127.0.0.1", "--port", port, "--join", "127.0.0.1:" + port);
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.err().strip()).doesNotContain("\n").doesNotContain("Exception")
                    .isEqualTo("arena worker: --port: port " + port + " on 127.0.0.1 is already in use; choose a free port, or 0 for any free one");
            assertThat(run.out()).isEmpty();
        }
        assertNoActorSystemThreadLeft();
    }

    @Test
    void workerHelp_comesFromTheAkkaClusterModule_andNamesItsOptions() {
        CliRunner run = CliRunner.run("worker", "--help");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).startsWith("Usage: arena worker").contains("--join=HOST:PORT", "--port=PORT", "--threads=T", "--version");
        CliRunner top = CliRunner.run("--help");
        assertThat(top.out()).containsPattern("(?m)^\\s+worker\\s+Runs a worker node of the akka-cluster strategy");
    }

    @Test
    void aPortInUse_inARealProcess_printsThatOneLineAndNoLoggedStackTrace() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = Integer.toString(taken.getLocalPort());
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElseThrow());
            command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> !a.startsWith("-agentlib")).toList());
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), ArenaCli.class.getName(),
                    "worker", "--port", port, "--join", "127.0.0.1:" + port));
            Process process = new ProcessBuilder(command).start();
            try {
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(process.exitValue()).as(err).isEqualTo(ExitCode.BAD_INPUT);
                // the JVM's own warnings (incubator module, sun.misc.Unsafe in Akka) are not the command's output
                assertThat(err.lines().filter(line -> !line.startsWith("WARNING: "))).as(err)
                        .containsExactly("arena worker: --port: port " + port + " on 127.0.0.1 is already in use; choose a free port, or 0 for any free one");
                assertThat(out).isEmpty();
            } finally {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void anAddressThisMachineLacks_isOneLineNamingHost_exitTwo() throws Exception {
        // 203.0.113.0/24 is TEST-NET-3 (RFC 5737): never a local address, so the bind fails here
        CliRunner run = CliRunner.run("worker", "--host", "203.0.113.1", "--port", "0", "--join", "127.0.0.1:25520", "--insecure");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().strip()).doesNotContain("\n").doesNotContain("Exception")
                .startsWith("arena worker: --host: host 203.0.113.1 cannot be bound (").endsWith("give an address of this machine, e.g. 127.0.0.1");
        assertThat(run.out()).isEmpty();
        assertNoActorSystemThreadLeft();
    }

    private static void assertNoActorSystemThreadLeft() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (liveClusterThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().startsWith("arena-akka-cluster"))
                .map(Thread::getName)).isEmpty();
    }

    private static long liveClusterThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().startsWith("arena-akka-cluster")).count();
    }
}
