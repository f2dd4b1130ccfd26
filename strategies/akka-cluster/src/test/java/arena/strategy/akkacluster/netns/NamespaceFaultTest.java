package arena.strategy.akkacluster.netns;

import arena.strategy.akkacluster.CoordinatorJvmMain;
import arena.strategy.akkacluster.WorkerMain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
 * the grid is still the one {@code sequential} computes, with every chunk taken once.
 *
 * <p>The worker JVMs are shared by the tests, as a real worker cluster serves one coordinator after
 * another: each test starts its own coordinator JVM, and a worker a test broke (killed, stopped, cut
 * off) is stopped after that test and started afresh by the next that needs it. After each test no
 * process but the shared workers runs in the namespaces; after the class, none, and no namespace is left.
 *
 * <p>Transport: plain TCP between the namespaces' non-loopback addresses, so every node is started
 * with {@code --insecure} (option {@code insecure}); {@link NamespaceLatencyTest} runs over TLS.
 *
 * <p>Timings: Akka's defaults would take about 26 s to remove a crashed node, so every JVM here runs
 * with {@code --fast-failure-detection}, loosened for packet loss by {@link #TIGHT_TIMINGS} (heartbeat
 * every 300 ms, a 3 s pause accepted, split-brain decisions after 2 s of stability), set as system
 * properties, which override the option's settings; each coordinator prints the pause in effect and the tests check it. A
 * crashed node is unreachable after about 3.5 s and removed about 2 s later, and 5% packet loss
 * (retransmissions after 200 ms, rarely a few in a row) stays within the accepted pause.
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
            "akka.cluster.seed-node-timeout=1s",
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

    private static final List<String> WORKERS = List.of("w1", "w2", "w3");
    private static final int PORT = 25520;
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration RUN = Duration.ofSeconds(120);
    
    private static BridgedNamespaces network;
    private static final Map<String, NamespacedJvm> workers = new LinkedHashMap<>();
    private final List<NamespacedJvm> coordinators = new ArrayList<>();
    private final List<String> broken = new ArrayList<>();
    private List<String> coordinatorArgs;

    @BeforeAll
    static void makeHosts() throws InterruptedException {
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
        ensureWorkers(WORKERS);
    }

    @AfterEach
    void stopThisTestsJvmsAndHeal() throws InterruptedException {
        if (network == null) {
            return;
        }
        for (NamespacedJvm jvm : coordinators) {
            jvm.close();
        }
        for (String node : broken) {
            workers.remove(node).close();
        }
        network.stopDropping();
        WORKERS.forEach(network::plugIn);
        assertThat(network.processesInside()).as("processes in the namespaces besides the shared workers")
                .isSubsetOf(workers.values().stream().map(NamespacedJvm::pid).toList());
    }

    @AfterAll
    static void removeHosts() throws InterruptedException {
        if (network == null) {
            return;
        }
        try {
            workers.values().forEach(NamespacedJvm::terminate);
            for (NamespacedJvm jvm : workers.values()) {
                jvm.close();
            }
            workers.clear();
            assertThat(network.processesInside()).as("processes left in the namespaces").isEmpty();
        } finally {
            network.close();
        }
        assertThat(BridgedNamespaces.ofThisJvm()).as("namespaces left").isEmpty();
    }

    @Test
    void workerKilledMidRun_theOthersTakeItsChunks_andTheGridIsSequentials() throws Exception {
        CoordinatorResult result = runBreaking("kill -9", WORKERS, 3000, 20, coordinator -> {
            broken("w2").kill();
            return coordinator;
        });

        assertThat(result.requeued()).as("chunks of the killed worker handed out again").isPositive();
    }

    @Test
    void workerStoppedFor5sThenContinued_noRowIsTakenTwice_andTheGridIsSequentials() throws Exception {
        NamespacedJvm stopped = broken("w2");

        runBreaking("SIGSTOP", WORKERS, 3000, 20, forAWhile(() -> stopped.signal("STOP"), Duration.ofSeconds(5),
                () -> stopped.signal("CONT")));

        System.out.println("netns SIGSTOP: the stopped worker " + (stopped.isAlive() ? "is up" : "was downed and exited"));
    }

    @Test
    void workerCutOffFor10sThenPluggedIn_theGridIsSequentials() throws Exception {
        NamespacedJvm cutOff = broken("w3");

        runBreaking("partition", WORKERS, 3000, 20, forAWhile(() -> network.unplug("w3"), Duration.ofSeconds(10),
                () -> network.plugIn("w3")));

        assertThat(List.of(workers.get("w1"), workers.get("w2"))).as("workers on the coordinator's side").allMatch(NamespacedJvm::isAlive);
        System.out.println("netns partition: the cut-off worker " + (cutOff.isAlive() ? "is up" : "downed itself and exited"));
    }

    @Test
    void fivePercentLossForAWholeRun_downsNoNode_andTheGridIsSequentials() throws Exception {
        ensureWorkers(WORKERS);
        network.dropRandomly(5);

        CoordinatorResult result = runBreaking("5% loss", WORKERS, 3000, 0, coordinator -> coordinator);

        assertThat(result.requeued()).as("chunks handed out again: none, no worker was lost").isZero();
        assertThat(workers.values()).as("worker JVMs after the run").allMatch(NamespacedJvm::isAlive);
    }

    /**
     * The joining worker's JVM starts with its cable unplugged, while the coordinator starts, and is
     * plugged in once the run is under way: it joins mid-run whatever the time its JVM takes to start.
     */
    @Test
    void workerJoiningMidRun_takesChunks_andTheGridIsSequentials() throws Exception {
        ensureWorkers(List.of("w1", "w2"));
        NamespacedJvm leaving = workers.remove("w3");
        if (leaving != null) {
            leaving.close();
        }
        network.unplug("w3");
        NamespacedJvm joining = startWorker("w3");

        CoordinatorResult result = runBreaking("join mid-run", List.of("w1", "w2"), 24_000, 1, coordinator -> {
            network.plugIn("w3");
            joining.awaitLine(line -> line.startsWith(WorkerMain.UP_LINE), START);
            return coordinator;
        });

        assertThat(result.chunksByWorker()).as("chunks by worker: the one that joined mid-run took some")
                .containsPattern(Pattern.quote(network.address("w3") + ":" + PORT) + "=[1-9]");
    }

    @Test
    void coordinatorKilledMidRun_theWorkersStayUp_andServeTheNextCoordinator() throws Exception {
        runBreaking("coordinator kill -9", WORKERS, 3000, 20, first -> {
            first.kill();
            return startCoordinator(WORKERS, coordinatorArgs);
        });

        assertThat(workers.values()).as("worker JVMs after both coordinators").allMatch(NamespacedJvm::isAlive);
    }

    /**
     * Computes a problem of seeded random size (n_max from {@code minNMax}) on a new coordinator with
     * the workers on {@code nodes}, breaks something once {@code percentDone} percent of its chunks are
     * done, and checks that the grid of the coordinator {@code fault} returns is {@code sequential}'s
     * with every chunk taken once.
     */
    private CoordinatorResult runBreaking(String fault, List<String> nodes, int minNMax, int percentDone, Fault during) throws Exception {
        SeededProblem problem = SeededProblem.draw(fault, 400, minNMax);
        CompletableFuture<String> expected = CompletableFuture.supplyAsync(problem::sequentialSha256);
        coordinatorArgs = new ArrayList<>(List.of(network.address(nodes.getFirst()) + ":" + PORT, Integer.toString(nodes.size())));
        coordinatorArgs.addAll(problem.coordinatorArgs());
        coordinatorArgs.addAll(List.of("insecure=true", "fast-failure-detection=true"));
        NamespacedJvm coordinator = startCoordinator(nodes, coordinatorArgs);
        awaitChunks(coordinator, Math.max(1, problem.rows() * percentDone / 100));

        CoordinatorResult result = CoordinatorResult.awaitFrom(during.breakSomething(coordinator), RUN);

        assertThat(result.sha256()).as("the grid's SHA-256").isEqualTo(expected.join());
        assertThat(result.chunks()).as("chunks taken into the grid, each once").isEqualTo(problem.rows());
        return result;
    }

    /** A fault that lasts {@code duration}: {@code breakIt}, then {@code mendIt}. */
    private static Fault forAWhile(Runnable breakIt, Duration duration, Runnable mendIt) {
        return coordinator -> {
            breakIt.run();
            Thread.sleep(duration.toMillis());
            mendIt.run();
            return coordinator;
        };
    }

    /** Something a test breaks during a run. */
    @FunctionalInterface
    private interface Fault {
        /** Breaks something while {@code coordinator} runs; returns the coordinator whose result counts. */
        NamespacedJvm breakSomething(NamespacedJvm coordinator) throws Exception;
    }

    /** Starts those of {@code nodes} not running, each joining a running worker (the first alone joins itself). */
    private static void ensureWorkers(List<String> nodes) throws InterruptedException {
        List<NamespacedJvm> started = new ArrayList<>();
        for (String node : nodes) {
            NamespacedJvm running = workers.get(node);
            if (running != null && running.isAlive()) {
                continue;
            }
            NamespacedJvm jvm = startWorker(node);
            started.add(jvm);
            if (workers.values().stream().filter(NamespacedJvm::isAlive).count() == 1) { // the first joins itself: up before others join it
                jvm.awaitLine(line -> line.startsWith(WorkerMain.UP_LINE), START);
            }
        }
        for (NamespacedJvm jvm : started) {
            jvm.awaitLine(line -> line.startsWith(WorkerMain.UP_LINE), START);
        }
    }

    /** Starts a worker JVM on {@code node} joining the first running worker (itself if none), without waiting for it. */
    private static NamespacedJvm startWorker(String node) {
        String contact = workers.entrySet().stream().filter(entry -> entry.getValue().isAlive()).map(Map.Entry::getKey)
                .findFirst().orElse(node);
        NamespacedJvm jvm = NamespacedJvm.start(node, network.namespace(node), TIGHT_TIMINGS, WorkerMain.class,
                List.of("--host", network.address(node), "--port", Integer.toString(PORT),
                        "--join", network.address(contact) + ":" + PORT, "--threads", "1", "--insecure", "--fast-failure-detection"));
        workers.put(node, jvm);
        return jvm;
    }

    /** The shared worker on {@code node} (started if need be), which this test breaks: it is stopped after the test. */
    private NamespacedJvm broken(String node) throws InterruptedException {
        ensureWorkers(List.of(node));
        broken.add(node);
        return workers.get(node);
    }

    /** Starts a coordinator JVM with {@code args} once the workers on {@code nodes} run, and waits until they are registered. */
    private NamespacedJvm startCoordinator(List<String> nodes, List<String> args) throws InterruptedException {
        ensureWorkers(nodes);
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
}
