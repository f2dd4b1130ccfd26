package arena.strategy.akkacluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import arena.core.CountGrid;
import arena.core.Execution;
import arena.core.Schedule;
import arena.core.SequentialStrategy;
import arena.core.StrategyConfig;
import arena.core.kernel.Kernels;
import arena.core.problem.JuliaParams;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A cluster on loopback that talks TLS ({@code --tls DIR} with keys {@code arena keys} made): two
 * worker nodes and a coordinator in this JVM, each its own actor system on Artery's {@code tls-tcp}
 * with mutual authentication, and Akka's default timings (no node is lost here, and they stand the CPU
 * that TLS handshakes take while nodes start on a loaded machine). It computes
 * {@code sequential}'s grid; a node whose certificate another CA signed cannot join, nor can a node
 * talking plain TCP, and neither gets a chunk; garbage bytes on every TLS port leave every node
 * running. A worker JVM started by {@code local-workers} gets the coordinator's {@code --tls}.
 */
class TlsClusterTest {

    /** How long a refused node tries to join before giving up. */
    private static final Duration REFUSED_JOIN = Duration.ofSeconds(6);

    private static NodeOptions tls;
    private static WorkerNode first;
    private static WorkerNode second;
    private static AkkaClusterStrategy strategy;

    @BeforeAll
    static void startTlsCluster() throws IOException {
        tls = new NodeOptions(TlsStores.load(TestKeys.cluster().toString()), false, false);
        int port = InJvmClusterTest.freePort();
        first = WorkerNode.start("127.0.0.1", port, "127.0.0.1:" + port, 1, true, tls, WorkerNode.START_TIMEOUT);
        second = WorkerNode.start("127.0.0.1", 0, first.address(), 1, true, tls, WorkerNode.START_TIMEOUT);
        strategy = (AkkaClusterStrategy) new AkkaClusterProvider().open(new StrategyConfig(1,
                Map.of("join", first.address(), "tls", TestKeys.cluster().toString())));
    }

    @AfterAll
    static void stopTlsCluster() throws InterruptedException {
        FastNodes.stopAll(strategy, first, second);
    }

    @Test
    void tlsCluster_runsOnTlsTcp_andComputesSequentialsGrid() {
        assertThat(strategy.coordinatorSystem().settings().config().getString("akka.remote.artery.transport")).isEqualTo("tls-tcp");

        assertGridIsSequentials(JuliaParams.chapterCase().withResolution(120).withNMax(300));
    }

    @Test
    void aNodeWithACertificateFromAnotherCa_cannotJoin_getsNoChunk_andTheRunCompletesWithTheLegitimateWorkers() throws Exception {
        NodeOptions otherCa = new NodeOptions(TlsStores.load(TestKeys.otherCa().toString()), false, false);
        JuliaParams problem = JuliaParams.chapterCase().withResolution(120).withNMax(1000);
        CompletableFuture<CountGrid> run = CompletableFuture.supplyAsync(
                () -> strategy.compute(problem, new Execution(new Schedule.Dynamic(1), Kernels.reference())));

        assertThatThrownBy(() -> WorkerNode.start("127.0.0.1", 0, first.address(), 1, true, otherCa, REFUSED_JOIN))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("could not join");

        CountGrid grid = run.get(120, TimeUnit.SECONDS);
        assertThat(CountGrid.difference(new SequentialStrategy(StrategyConfig.threads(1)).compute(problem, Execution.reference()), grid))
                .isEmpty();
        assertThat(strategy.status().chunksByWorker().keySet()).as("workers that computed chunks")
                .isSubsetOf(first.address(), second.address());
        assertEveryNodeRunsWithTwoWorkers();
    }

    @Test
    void aNodeTalkingPlainTcp_cannotJoinATlsCluster() {
        assertThatThrownBy(() -> WorkerNode.start("127.0.0.1", 0, first.address(), 1, true, NodeOptions.DEFAULTS, REFUSED_JOIN))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("could not join");

        assertEveryNodeRunsWithTwoWorkers();
    }

    @Test
    void garbageBytesAndAPlainArteryHeader_onEveryTlsPort_leaveEveryNodeRunning_andTheRunCorrect() throws Exception {
        long seed = System.nanoTime();
        System.out.println("TlsClusterTest garbage seed=" + seed);
        Random random = new Random(seed);
        for (String node : List.of(first.address(), second.address(), strategy.coordinatorAddress())) {
            HostPort port = HostPort.parse("node", node);
            byte[] garbage = new byte[64 * 1024];
            random.nextBytes(garbage);
            send(port, garbage);
            send(port, "AKKA\u0001".getBytes(StandardCharsets.US_ASCII)); // what a plain Artery TCP connection starts with
            byte[] hello = "\u0016\u0003\u0001\u0000\u0005hello".getBytes(StandardCharsets.ISO_8859_1); // a TLS record that is no handshake
            send(port, hello);
        }

        assertEveryNodeRunsWithTwoWorkers();
        assertGridIsSequentials(JuliaParams.chapterCase().withResolution(100).withNMax(200));
    }

    @Test
    void localWorkerJvms_getTheCoordinatorsTls_andComputeSequentialsGrid() throws Exception {
        AkkaClusterStrategy local = (AkkaClusterStrategy) new AkkaClusterProvider().open(new StrategyConfig(1,
                Map.of("local-workers", "1", "tls", TestKeys.cluster().toString())));
        List<Process> jvms = local.localWorkers();
        try {
            assertThat(jvms.getFirst().info().arguments().map(List::of).orElse(List.of())).as("the worker JVM's arguments")
                    .containsSequence("--tls", TestKeys.cluster().toAbsolutePath().normalize().toString());
            JuliaParams problem = JuliaParams.chapterCase().withResolution(60).withNMax(200);
            CountGrid grid = local.compute(problem, new Execution(new Schedule.Dynamic(1), Kernels.reference()));

            assertThat(CountGrid.difference(new SequentialStrategy(StrategyConfig.threads(1)).compute(problem, Execution.reference()), grid))
                    .isEmpty();
        } finally {
            local.close();
        }
        assertThat(jvms).as("worker JVMs after close").noneMatch(Process::isAlive);
    }

    private static void send(HostPort node, byte[] bytes) throws IOException {
        try (Socket socket = new Socket(node.host(), node.port())) {
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(bytes);
                out.flush();
                socket.getInputStream().read(); // until the node closes the connection, or 2 s
            } catch (IOException e) {
                // the node closed the connection, as it should
            }
        }
    }

    private static void assertEveryNodeRunsWithTwoWorkers() {
        assertThat(first.isTerminated()).as("first worker stopped").isFalse();
        assertThat(second.isTerminated()).as("second worker stopped").isFalse();
        assertThat(strategy.terminated()).as("coordinator stopped").isFalse();
        assertThat(strategy.status().workers()).as("workers registered with the coordinator").isEqualTo(2);
    }

    private static void assertGridIsSequentials(JuliaParams problem) {
        CountGrid grid = strategy.compute(problem, new Execution(new Schedule.Dynamic(1), Kernels.reference()));
        CountGrid expected = new SequentialStrategy(StrategyConfig.threads(1)).compute(problem, Execution.reference());
        assertThat(CountGrid.difference(expected, grid)).isEmpty();
    }
}
