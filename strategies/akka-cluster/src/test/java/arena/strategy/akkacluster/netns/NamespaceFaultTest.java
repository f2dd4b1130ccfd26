package arena.strategy.akkacluster.netns;

import arena.strategy.akkacluster.CoordinatorJvmMain;
import arena.strategy.akkacluster.WorkerMain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * {@code akka-cluster} across separate hosts with real faults: a coordinator and three workers, each a
 * JVM in a network namespace of its own with its own address on a bridge ({@link BridgedNamespaces}).
 * Each test breaks something during a run of a seeded random size (the seed printed) and checks that
 * the grid is still the one {@code sequential} computes, every chunk taken once, and that no process
 * is left in the namespaces afterwards; the namespaces themselves are gone after the class.
 *
 * <p>Timings: Akka's defaults for non-loopback nodes would take about 26 s to remove a crashed node, so
 * every JVM here runs with tight ones ({@link #TIGHT_TIMINGS}: heartbeat every 300 ms, a 3 s pause
 * accepted, split-brain decisions after 2 s of stability), set as system properties, which override
 * Akka's reference settings; the coordinator prints the pause in effect and the tests check it. A
 * crashed node is unreachable after about 3.5 s and removed about 2 s later, and 5% packet loss
 * (retransmissions of 200 ms to a few seconds) stays within the accepted pause.
 *
 * <p>Needs Linux, root, {@code ip} (iproute2) and {@code nft} (nftables); without them every test is
 * skipped with the reason printed.
 */
class NamespaceFaultTest {

    /** The failure-detector and downing timings of every node in these tests. */
    static final List<String> TIGHT_TIMINGS = List.of(
            "akka.cluster.periodic-tasks-initial-delay=100ms",
            "akka.cluster.gossip-interval=200ms",
            "akka.cluster.leader-actions-interval=200ms",
            "akka.cluster.unreachable-nodes-reaper-interval=250ms",
            "akka.cluster.retry-unsuccessful-join-after=1s",
            "akka.cluster.quarantine-removed-node-after=1s",
            "akka.cluster.down-removal-margin=1s",
            "akka.cluster.failure-detector.heartbeat-interval=300ms",
            "akka.cluster.failure-detector.acceptable-heartbeat-pause=3s",
            "akka.cluster.failure-detector.expected-response-after=1s",
            "akka.cluster.split-brain-resolver.stable-after=2s",
            "akka.cluster.split-brain-resolver.down-all-when-unstable=off",
            "akka.cluster.distributed-data.gossip-interval=200ms",
            "akka.cluster.distributed-data.notify-subscribers-interval=100ms",
            "akka.cluster.typed.receptionist.pruning-interval=1s",
            "akka.cluster.typed.receptionist.distributed-data.gossip-interval=200ms",
            "akka.cluster.typed.receptionist.distributed-data.notify-subscribers-interval=100ms");

    private static final int PORT = 25520;
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration RUN = Duration.ofSeconds(120);
    private static final Pattern RESULT = Pattern.compile("result sha256=(\\p{XDigit}{64}) chunks=(\\d+) requeued=(\\d+) by=(.*)");

    private static BridgedNamespaces network;
    private final List<NamespacedJvm> coordinators = new ArrayList<>();
    private final List<NamespacedJvm> workers = new ArrayList<>();

    @BeforeAll
    static void makeHosts() {
        String reason = BridgedNamespaces.whyUnavailable().orElse(null);
        if (reason == null) {
            try {
                network = BridgedNamespaces.create(List.of("coord", "w1", "w2", "w3"));
            } catch (IllegalStateException e) {
                reason = "network namespaces cannot be made here: " + e.getMessage();
            }
        }
        if (reason != null) {
            System.out.println("NamespaceFaultTest skipped: " + reason);
            abort(reason);
        }
    }

    @AfterEach
    void stopEveryJvm() throws InterruptedException {
        if (network == null) {
            return;
        }
        for (NamespacedJvm jvm : coordinators) {
            jvm.close();
        }
        for (NamespacedJvm jvm : workers) {
            jvm.close();
        }
        network.stopDropping();
        for (String node : List.of("coord", "w1", "w2", "w3")) {
            network.plugIn(node);
        }
        assertThat(network.processesInside()).as("processes left in the namespaces").isEmpty();
    }

    @AfterAll
    static void removeHosts() {
        if (network != null) {
            network.close();
            assertThat(BridgedNamespaces.ofThisJvm()).as("namespaces left").isEmpty();
        }
    }

    @Test
    void workerKilledMidRun_theOthersTakeItsChunks_andTheGridIsSequentials() throws Exception {
        SeededProblem problem = SeededProblem.draw("kill -9", 400, 3000);
        CompletableFuture<String> expected = CompletableFuture.supplyAsync(problem::sequentialSha256);
        startWorkers("w1", "w2", "w3");
        NamespacedJvm coordinator = startCoordinator(3, problem);
        awaitChunks(coordinator, problem.rows() / 5);

        worker("w2").kill();

        Result result = result(coordinator);
        assertThat(result.sha256()).as("the grid's SHA-256").isEqualTo(expected.join());
        assertThat(result.chunks()).as("chunks taken into the grid, each once").isEqualTo(problem.rows());
        assertThat(result.requeued()).as("chunks of the killed worker handed out again").isPositive();
    }

    private void startWorkers(String... nodes) throws InterruptedException {
        List<NamespacedJvm> started = new ArrayList<>();
        for (String node : nodes) {
            started.add(startWorker(node));
        }
        for (NamespacedJvm jvm : started) {
            jvm.awaitLine(line -> line.startsWith(WorkerMain.UP_LINE), START);
        }
    }

    private NamespacedJvm startWorker(String node) {
        String contact = network.address("w1") + ":" + PORT;
        NamespacedJvm jvm = NamespacedJvm.start(node, network.namespace(node), TIGHT_TIMINGS, WorkerMain.class,
                List.of("--host", network.address(node), "--port", Integer.toString(PORT), "--join", contact, "--threads", "1"));
        workers.add(jvm);
        return jvm;
    }

    private NamespacedJvm worker(String node) {
        return workers.stream().filter(jvm -> jvm.toString().startsWith(node + " ")).findFirst().orElseThrow();
    }

    private NamespacedJvm startCoordinator(int workerCount, SeededProblem problem) throws InterruptedException {
        List<String> args = new ArrayList<>(List.of(network.address("w1") + ":" + PORT, Integer.toString(workerCount)));
        args.addAll(problem.coordinatorArgs());
        NamespacedJvm jvm = NamespacedJvm.start("coordinator-" + (coordinators.size() + 1), network.namespace("coord"),
                TIGHT_TIMINGS, CoordinatorJvmMain.class, args);
        coordinators.add(jvm);
        assertThat(jvm.awaitLine(line -> line.startsWith("timings "), START)).as("the tight timings in effect")
                .isEqualTo("timings pause=3000ms");
        jvm.awaitLine(line -> line.startsWith("ready "), START);
        return jvm;
    }

    private static void awaitChunks(NamespacedJvm coordinator, int chunks) throws InterruptedException {
        coordinator.awaitLine(line -> line.startsWith("progress chunks=")
                && Integer.parseInt(line.substring("progress chunks=".length())) >= chunks, RUN);
    }

    private static Result result(NamespacedJvm coordinator) throws InterruptedException {
        String line = coordinator.awaitLine(text -> text.startsWith("result ") || text.startsWith("failed: "), RUN);
        Matcher matcher = RESULT.matcher(line);
        assertThat(matcher.matches()).as("the coordinator's result line, not a failure: " + line).isTrue();
        System.out.println("netns " + coordinator + ": " + line);
        return new Result(matcher.group(1), Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)), matcher.group(4));
    }

    /** What a coordinator JVM printed at the end of its run. */
    private record Result(String sha256, int chunks, int requeued, String chunksByWorker) {
    }
}
