package arena.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

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
            CliRunner run = CliRunner.run("worker", "--host", "127.0.0.1", "--port", port, "--seed", "127.0.0.1:" + port);
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.err().strip()).doesNotContain("\n").doesNotContain("Exception")
                    .isEqualTo("arena worker: --port: port " + port + " on 127.0.0.1 is already in use; choose a free port, or 0 for any free one");
            assertThat(run.out()).isEmpty();
        }
        assertNoActorSystemThreadLeft();
    }

    @Test
    void anAddressThisMachineLacks_isOneLineNamingHost_exitTwo() throws Exception {
        // 203.0.113.0/24 is TEST-NET-3 (RFC 5737): never a local address, so the bind fails here
        CliRunner run = CliRunner.run("worker", "--host", "203.0.113.1", "--port", "0", "--seed", "127.0.0.1:25520");
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
