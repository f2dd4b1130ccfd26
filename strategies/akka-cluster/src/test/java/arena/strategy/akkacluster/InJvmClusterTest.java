package arena.strategy.akkacluster;

import akka.actor.typed.ActorRef;
import akka.actor.typed.javadsl.Adapter;
import akka.serialization.Serialization;
import akka.serialization.SerializationExtension;
import arena.core.CountGrid;
import arena.core.Execution;
import arena.core.GoldenCase;
import arena.core.GridSummary;
import arena.core.RowRange;
import arena.core.Schedule;
import arena.core.SequentialStrategy;
import arena.core.StrategyConfig;
import arena.core.Timeline;
import arena.core.WorkerFailedException;
import arena.core.input.InvalidInputException;
import arena.core.kernel.Kernels;
import arena.core.problem.Complex;
import arena.core.problem.JuliaParams;
import arena.core.testkit.FailingKernel;
import arena.core.testkit.GoldenCases;
import arena.strategy.akkacluster.Protocol.ChunkDone;
import arena.strategy.akkacluster.Protocol.ComputeChunk;
import arena.strategy.akkacluster.Protocol.WorkerReply;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * A real cluster on loopback inside this JVM: two worker nodes (separate actor systems, the first
 * its own contact) and a coordinator that joins them through option {@code join}, as
 * {@code arena compute --strategy akka-cluster --join ...} does. Every chunk crosses Artery TCP and
 * the project's serializer.
 *
 * <p>Why not the shared {@code StrategyConformanceTest}: its failure tests inject a
 * {@code FailingKernel} instance, which a remote worker cannot know by name (this strategy refuses
 * such kernels up front, tested below), and its no-leak check looks for threads named
 * {@code arena-akka-cluster}, a prefix the in-JVM workers share with the coordinator (all nodes of a
 * cluster must have the same system name). This class covers the same ground for this strategy:
 * golden figures, schedules, failures with their cause, cancellation, and no leak once every node
 * is closed ({@link #stopCluster}). Every node runs with {@code --fast-failure-detection}
 * ({@link FastNodes}).
 */
class InJvmClusterTest {

    private static final List<Schedule> SCHEDULES = List.of(new Schedule.Static(0), new Schedule.Static(1),
            new Schedule.Dynamic(1), new Schedule.Guided(2));

    private static WorkerNode first;
    private static WorkerNode second;
    private static AkkaClusterStrategy strategy;

    @BeforeAll
    static void startCluster() throws IOException {
        int port = freePort();
        first = FastNodes.worker("127.0.0.1", port, "127.0.0.1:" + port, 1);
        second = FastNodes.worker("127.0.0.1", 0, first.address(), 1);
        strategy = (AkkaClusterStrategy) new AkkaClusterProvider()
                .open(new StrategyConfig(2, FastNodes.fast(Map.of("join", first.address()))));
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        FastNodes.stopAll(strategy, first, second);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyGoldenCase_isReproducedBitForBit_withEverySchedule() {
        return SCHEDULES.stream().flatMap(schedule -> GoldenCases.all().stream().map(golden ->
                dynamicTest(schedule.spec() + " on " + golden.params(), () -> assertReproduces(golden, schedule))));
    }

    private static void assertReproduces(GoldenCase golden, Schedule schedule) {
        CountGrid grid = strategy.compute(golden.params(), Execution.of(schedule));
        assertThat(GridSummary.of(grid, golden.params().nMax())).isEqualTo(golden.expected());
        assertThat(strategy.fraction(grid, golden.params().nMax())).isEqualTo(golden.expected().fraction());
    }

    @Test
    void aRecordedRun_hasOneLanePerWorkerNodeThread_withEachChunkComputedWithinItsTimeInFlight() {
        JuliaParams problem = JuliaParams.of(120, new Complex(-0.4, 0.6));
        CountGrid expected = new SequentialStrategy(StrategyConfig.threads(1)).compute(problem, Execution.reference());
        Timeline timeline = new Timeline();
        long start = System.nanoTime();
        CountGrid grid = strategy.compute(problem, new Execution(new Schedule.Dynamic(4), Kernels.defaultKernel(), timeline));
        long end = System.nanoTime();

        assertThat(CountGrid.difference(expected, grid)).isEmpty();
        List<Timeline.Chunk> chunks = timeline.chunks();
        assertThat(chunks).extracting(Timeline.Chunk::rows).containsExactlyInAnyOrderElementsOf(
                new Schedule.Dynamic(4).plan(problem.size(), 1).chunks());
        assertThat(chunks.stream().mapToLong(Timeline.Chunk::iterations).sum()).isEqualTo(expected.sum());
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.worker()).matches("127\\.0\\.0\\.1:\\d+/worker-\\d+");
            assertThat(chunk.sentNanos()).isGreaterThanOrEqualTo(start);
            assertThat(chunk.startNanos()).isBetween(chunk.sentNanos(), chunk.endNanos());
            assertThat(chunk.endNanos()).isBetween(chunk.startNanos(), chunk.receivedNanos());
            assertThat(chunk.receivedNanos()).isLessThanOrEqualTo(end);
        });
        Timeline.Summary summary = timeline.summary(start, end, strategy.threads());
        // which nodes get chunks is the scheduler's business (a node busy compiling may get none of 30 chunks):
        // every lane is a thread of one of the two nodes, and every node that worked has its time in flight
        List<String> nodes = summary.workers().stream().map(Timeline.WorkerShare::node).distinct().toList();
        assertThat(nodes).isNotEmpty().isSubsetOf(first.address(), second.address());
        assertThat(summary.inFlightByNode()).containsOnlyKeys(nodes.toArray(String[]::new))
                .allSatisfy((node, nanos) -> assertThat(nanos).as("time in flight of %s", node).isPositive());
    }

    @Test
    void fractionOfAnotherGridOrValue_isCountedOnTheWorkers_exactlyAsSequential() {
        JuliaParams problem = JuliaParams.of(150, new Complex(-0.7, 0.27)).withNMax(300);
        SequentialStrategy reference = new SequentialStrategy(StrategyConfig.threads(1));
        CountGrid expected = reference.compute(problem, Execution.reference());
        CountGrid computed = strategy.compute(problem, Execution.of(new Schedule.Dynamic(3)));

        assertThat(strategy.fraction(computed, 7)).isEqualTo(reference.fraction(expected, 7));
        assertThat(strategy.fraction(expected, 300)).isEqualTo(reference.fraction(expected, 300));
        assertThat(strategy.status().chunksDone()).as("bands counted on the workers").isPositive();
    }

    @Test
    void dynamicChunks_goToBothWorkers() {
        strategy.compute(JuliaParams.of(200, new Complex(-0.4, 0.6)), Execution.of(new Schedule.Dynamic(1)));

        assertThat(strategy.status().chunksByWorker()).containsOnlyKeys(first.address(), second.address());
        assertThat(strategy.status().chunksByWorker().values()).allSatisfy(count -> assertThat(count).isPositive());
    }

    @Test
    void seedCaseMessages_crossTheWireAtAboutTheGridsOwnSize() {
        Serialization serialization = SerializationExtension.get(Adapter.toClassic(strategy.coordinatorSystem()));
        ActorRef<WorkerReply> coordinator = strategy.coordinatorSystem().narrow();
        JuliaParams chapter = JuliaParams.chapterCase();
        int rows = chapter.size();
        int compute = serialization.serialize(new ComputeChunk(1L, 0, chapter, "scalar", new RowRange(0, 1), coordinator)).get().length;
        int done = serialization.serialize(new ChunkDone(1L, 0, 0, 0L, new int[rows])).get().length;

        assertThat(done).isEqualTo(28 + Integer.BYTES * rows);
        assertThat(compute).isLessThan(200);
        System.out.printf("akka-cluster wire sizes, the chapter's case with dynamic:1: ComputeChunk %d bytes, ChunkDone %d bytes; %d chunks:"
                + " %d payload bytes per run, the grid being %d bytes%n", compute, done, rows, (long) rows * (compute + done),
                (long) Integer.BYTES * chapter.cellCount());
    }

    @Test
    void kernelInstanceUnknownToTheWorkers_isRefusedBeforeAnythingRuns() {
        assertThatThrownBy(() -> strategy.compute(JuliaParams.of(20, new Complex(0, 0)),
                new Execution(new Schedule.Dynamic(1), new FailingKernel(3))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.parameter()).isEqualTo("kernel"))
                .hasMessageContaining("failing-at-row-3")
                .hasMessageContaining("scalar");
    }

    @Test
    void failureInsideAWorker_reachesTheCallerWithItsClassAndMessage_andTheStrategyStaysUsable() {
        JuliaParams problem = JuliaParams.of(100, new Complex(-0.4, 0.6));

        assertThatThrownBy(() -> strategy.compute(problem, new Schedule.Dynamic(1), "no-such-kernel"))
                .isInstanceOf(WorkerFailedException.class)
                .hasMessageContaining("akka-cluster")
                .cause()
                .isInstanceOfSatisfying(RemoteWorkerException.class, cause -> {
                    assertThat(cause.className()).isEqualTo(InvalidInputException.class.getName());
                    assertThat(cause.remoteMessage()).contains("kernel 'no-such-kernel' is unknown");
                });

        CountGrid expected = new SequentialStrategy(StrategyConfig.threads(1)).compute(problem, Execution.reference());
        assertThat(CountGrid.difference(expected, strategy.compute(problem, Execution.of(new Schedule.Dynamic(1))))).isEmpty();
    }

    @Test
    void unsupportedSchedule_isRefusedNamingTheSupportedOnes() {
        assertThatThrownBy(() -> strategy.compute(JuliaParams.of(10, new Complex(0, 0)), Execution.of(new Schedule.Split(2))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("static, dynamic, guided");
    }

    @Test
    void runCancelledInsideEndlessPixels_endsWithinThreeSeconds_andTheWorkersStopComputingIt() throws Exception {
        JuliaParams endless = JuliaParams.chapterCase().withResolution(20).withNMax(Integer.MAX_VALUE);
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread caller = Thread.ofPlatform().name("cancelled-caller").start(() -> {
            try {
                strategy.compute(endless, new Execution(new Schedule.Dynamic(1), Kernels.reference()));
                outcome.complete(null);
            } catch (Throwable e) {
                outcome.complete(e);
            }
        });
        Thread.sleep(500);
        long busy = workerCpuNanos(Duration.ofMillis(500), true);

        long interrupted = System.nanoTime();
        caller.interrupt();
        Throwable failure = outcome.get(3, TimeUnit.SECONDS);
        long ended = System.nanoTime();
        caller.join(1_000);
        Thread.sleep(100);
        long idle = workerCpuNanos(Duration.ofMillis(500), false);

        System.out.printf("akka-cluster: cancelled inside endless pixels, the run ended %d ms after the interrupt; the workers' "
                + "computing threads used %d ms of CPU in 500 ms before, %d ms in 500 ms after%n",
                (ended - interrupted) / 1_000_000, busy / 1_000_000, idle / 1_000_000);
        assertThat(failure).isInstanceOf(CancellationException.class);
        assertThat(busy).as("CPU time of the workers' computing threads before the cancel").isPositive();
        assertThat(idle).as("CPU time of the workers' computing threads after the cancel").isLessThan(TimeUnit.MILLISECONDS.toNanos(50));
        JuliaParams next = JuliaParams.of(60, new Complex(-0.4, 0.6));
        CountGrid expected = new SequentialStrategy(StrategyConfig.threads(1)).compute(next, Execution.reference());
        CountGrid computed = CompletableFuture.supplyAsync(() -> strategy.compute(next, Execution.of(new Schedule.Dynamic(1))))
                .get(20, TimeUnit.SECONDS);
        assertThat(CountGrid.difference(expected, computed)).as("the next run on the same workers").isEmpty();
    }

    /**
     * CPU time the worker nodes' computing threads (this JVM's worker dispatchers) use during
     * {@code window}; a thread that ends meanwhile (a node of an earlier test) is not counted. With
     * {@code mustExist} false, no such thread at all (the dispatcher let its idle threads go) counts as 0.
     */
    private static long workerCpuNanos(Duration window, boolean mustExist) throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> before = new HashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().contains(ClusterSettings.WORKER_DISPATCHER)) {
                before.put(thread.threadId(), threads.getThreadCpuTime(thread.threadId()));
            }
        }
        if (mustExist) {
            assertThat(before).as("the worker nodes' computing threads").isNotEmpty();
        }
        Thread.sleep(window.toMillis());
        long used = 0;
        for (Map.Entry<Long, Long> thread : before.entrySet()) {
            long after = threads.getThreadCpuTime(thread.getKey());
            if (thread.getValue() >= 0 && after >= 0) {
                used += after - thread.getValue();
            }
        }
        return used;
    }

    @Test
    void workerJoiningMidRun_takesChunks_andTheGridStaysExact() throws Exception {
        JuliaParams problem = JuliaParams.chapterCase().withNMax(5000);
        CompletableFuture<CountGrid> run = CompletableFuture.supplyAsync(
                () -> strategy.compute(problem, new Execution(new Schedule.Dynamic(1), Kernels.reference())));
        awaitChunks(1);

        WorkerNode third = FastNodes.worker("127.0.0.1", 0, first.address(), 1);
        try {
            CountGrid grid = run.get(120, TimeUnit.SECONDS);

            assertThat(strategy.status().chunksByWorker()).as("chunks per worker").containsKey(third.address());
            assertThat(strategy.status().chunksByWorker().get(third.address())).isPositive();
            CountGrid expected = new SequentialStrategy(StrategyConfig.threads(1)).compute(problem, Execution.reference());
            assertThat(CountGrid.difference(expected, grid)).isEmpty();
        } finally {
            third.leave();
        }
    }

    private static void awaitChunks(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (strategy.status().chunksDone() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }
}
