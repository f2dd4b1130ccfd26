package arena.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import arena.core.testkit.LiveThreads;
import arena.strategy.akkacluster.WorkerNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code --seed}, akka-cluster's contact node until this release, is still accepted for one
 * release as a deprecated spelling of {@code --join}: it means the same, warns once on stderr, and
 * is refused together with {@code --join}. Runs one worker node in this JVM on loopback.
 */
class DeprecatedSeedOptionTest {

    private static final String WARNING = "arena: --seed is deprecated, use --join; --seed will be removed in the next release";

    @Test
    void seedAndJoin_computeTheSameGridThroughARunningWorker_andOnlySeedWarnsOnce() throws Exception {
        int port = freePort();
        WorkerNode worker = WorkerNode.start("127.0.0.1", port, "127.0.0.1:" + port, 1);
        try {
            CliRunner joined = CliRunner.run("compute", "--strategy", "akka-cluster", "--join", worker.address(), "--resolution", "10");
            CliRunner seeded = CliRunner.run("compute", "--strategy", "akka-cluster", "--seed", worker.address(), "--resolution", "10");

            assertThat(joined.exitCode()).as(joined.err()).isEqualTo(ExitCode.OK);
            assertThat(seeded.exitCode()).as(seeded.err()).isEqualTo(ExitCode.OK);
            assertThat(joined.err()).doesNotContain("deprecated");
            assertThat(seeded.err().lines()).containsOnlyOnce(WARNING);
            assertThat(sha256(seeded.out())).isEqualTo(sha256(joined.out())).isNotBlank();
        } finally {
            worker.leave();
            worker.awaitTermination();
        }
        assertThat(LiveThreads.awaitNone("arena-akka-cluster", Duration.ofSeconds(10))).isEmpty();
    }

    @Test
    void seedForAStrategyThatTakesNoContact_isRefusedUnderItsNewName_afterOneWarning() {
        CliRunner run = CliRunner.run("verify", "--strategies", "forkjoin", "--seed", "127.0.0.1:25520");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().lines()).containsExactly(WARNING,
                "arena verify: --join: --join applies only to strategy akka-cluster, which is not selected (selected: forkjoin); select it or drop --join");
    }

    @Test
    void seedAndJoinTogether_areRefused_onEveryCommandThatTakesThem() {
        for (String[] args : new String[][] {
                {"compute", "--strategy", "akka-cluster", "--join", "127.0.0.1:25520", "--seed", "127.0.0.1:25520"},
                {"compare", "--strategies", "akka-cluster", "--seed", "127.0.0.1:25520", "--join", "127.0.0.1:25520"},
                {"worker", "--join", "127.0.0.1:25520", "--seed", "127.0.0.1:25520"}}) {
            CliRunner run = CliRunner.run(args);

            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.err().strip()).as(String.join(" ", args)).doesNotContain("\n")
                    .startsWith("arena " + args[0] + ": --join: give --join or its deprecated spelling");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void seedOnAWorker_isReadAsJoin_afterOneWarning() {
        CliRunner seeded = CliRunner.run("worker", "--seed", "nowhere");
        CliRunner joined = CliRunner.run("worker", "--join", "nowhere");

        assertThat(seeded.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(seeded.err().lines()).hasSize(2).first().isEqualTo(WARNING);
        assertThat(seeded.err().lines().skip(1)).containsExactly(joined.err().strip()).allMatch(line -> line.startsWith("arena worker: --join: "));
    }

    private static String sha256(String computeOutput) {
        return computeOutput.lines().filter(line -> line.contains("sha256")).findFirst().orElse("");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
