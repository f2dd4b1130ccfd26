package arena.strategy.akkacluster;

import arena.core.CountGrid;
import arena.core.Execution;
import arena.core.GoldenCase;
import arena.core.GridSummary;
import arena.core.Schedule;
import arena.core.StrategyConfig;
import arena.core.WorkerFailedException;
import arena.core.kernel.Kernels;
import arena.core.problem.JuliaParams;
import arena.core.testkit.GoldenCases;
import arena.core.testkit.LiveThreads;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Worker JVMs killed mid-run with {@link Process#destroyForcibly()}: the abrupt end of a machine,
 * not a graceful leave. With {@code local-workers} the coordinator is the cluster's first and oldest
 * node, so it survives losing every worker and fails the run after the no-worker wait; joined
 * through {@code join} to a worker that is the oldest, it is the side the split-brain resolver
 * downs, and it fails the run as soon as it is removed. Every node runs with
 * {@code --fast-failure-detection} ({@link FastNodes}).
 */
class LocalWorkersTest {

    private AkkaClusterStrategy strategy;

    @AfterEach
    void closeAndCheckNothingIsLeft() throws InterruptedException {
        if (strategy == null) {
            return;
        }
        List<Process> workers = strategy.localWorkers();
        strategy.close();
        assertThat(strategy.coordinatorSystem().getWhenTerminated().toCompletableFuture()).as("the coordinator's actor system").isDone();
        assertThat(workers).as("worker JVMs after close").noneMatch(Process::isAlive);
        assertThat(LiveThreads.awaitNone("arena-akka-cluster", Duration.ofSeconds(5))).as("threads after close").isEmpty();
    }

    private AkkaClusterStrategy open(int workers, int threads) {
        return open(Map.of("local-workers", Integer.toString(workers)), threads);
    }

    private AkkaClusterStrategy open(Map<String, String> options, int threads) {
        strategy = (AkkaClusterStrategy) new AkkaClusterProvider().open(new StrategyConfig(threads, FastNodes.fast(options)));
        return strategy;
    }

    @Test
    void workerKilledMidRun_itsChunksGoToTheOther_andTheGridMatchesTheGoldenFigures() throws Exception {
        GoldenCase seed = GoldenCases.all().stream()
                .filter(c -> c.params().equals(JuliaParams.chapterCase()))
                .findFirst()
                .orElseThrow();
        open(2, 2);
        assertThat(strategy.localWorkers()).hasSize(2);
        CompletableFuture<CountGrid> run = CompletableFuture.supplyAsync(
                () -> strategy.compute(seed.params(), new Execution(new Schedule.Dynamic(1), Kernels.reference())));
        awaitChunks(20);

        strategy.localWorkers().getFirst().destroyForcibly();
        long killed = System.nanoTime();
        CountGrid grid = run.get(60, TimeUnit.SECONDS);
        long finished = System.nanoTime();

        assertThat(GridSummary.of(grid, seed.params().nMax())).isEqualTo(seed.expected());
        assertThat(strategy.fraction(grid, seed.params().nMax())).isEqualTo(seed.expected().fraction());
        CoordinatorStatus status = strategy.status();
        assertThat(status.chunksDone()).as("chunks completed, each once").isEqualTo(JuliaParams.SEED_RESOLUTION + 1);
        assertThat(status.chunksRequeued()).as("chunks of the killed worker handed out again").isPositive();
        System.out.printf("akka-cluster: killed worker's %d chunks requeued %.2f s after the kill; run finished %.2f s after it;"
                        + " chunks per worker %s%n", status.chunksRequeued(), (status.firstRequeueNanos() - killed) / 1e9,
                (finished - killed) / 1e9, status.chunksByWorker());
    }

    @Test
    void everyWorkerKilled_theRunFailsClearly_inBoundedTime() throws Exception {
        open(2, 1);
        JuliaParams slow = JuliaParams.chapterCase().withNMax(5000);
        CompletableFuture<CountGrid> run = CompletableFuture.supplyAsync(
                () -> strategy.compute(slow, new Execution(new Schedule.Dynamic(1), Kernels.reference())));
        awaitChunks(1);

        strategy.localWorkers().forEach(Process::destroyForcibly);
        long killed = System.nanoTime();

        assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(WorkerFailedException.class)
                .hasMessageContaining("no worker node remains");
        double seconds = (System.nanoTime() - killed) / 1e9;
        System.out.printf("akka-cluster: run failed %.2f s after every worker was killed%n", seconds);
        assertThat(seconds).isLessThan(30);
    }

    @Test
    void joinModeCoordinatorCutOffFromItsOnlyWorker_isDowned_andFailsTheRunAtOnce() throws Exception {
        int port = InJvmClusterTest.freePort();
        Process worker = startWorkerJvm("--host", "127.0.0.1", "--port", Integer.toString(port), "--join", "127.0.0.1:" + port,
                "--threads", "1");
        try {
            open(Map.of("join", "127.0.0.1:" + port), 1);
            CompletableFuture<CountGrid> run = CompletableFuture.supplyAsync(
                    () -> strategy.compute(JuliaParams.chapterCase().withNMax(5000), new Execution(new Schedule.Dynamic(1), Kernels.reference())));
            awaitChunks(1);

            worker.destroyForcibly();
            long killed = System.nanoTime();

            assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOf(WorkerFailedException.class)
                    .hasMessageContaining("this coordinator node was removed from the cluster");
            double seconds = (System.nanoTime() - killed) / 1e9;
            System.out.printf("akka-cluster: join-mode coordinator downed, run failed %.2f s after its only worker was killed%n",
                    seconds);
            assertThat(seconds).as("well before the no-worker wait would end it").isLessThan(10);
            assertThatThrownBy(() -> strategy.compute(JuliaParams.of(10, new arena.core.problem.Complex(0, 0)),
                    new Execution(new Schedule.Dynamic(1), Kernels.reference())))
                    .as("later runs fail at once")
                    .hasMessageContaining("removed from the cluster");
        } finally {
            worker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** A worker JVM as {@code arena worker} runs it, returned once it printed that it is up. */
    private static Process startWorkerJvm(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), WorkerMain.class.getName()));
        command.addAll(List.of(args));
        command.add("--fast-failure-detection");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = output.readLine()) != null && !line.startsWith(WorkerMain.UP_LINE)) {
            // skip log lines
        }
        assertThat(line).as("the worker's up line").isNotNull();
        Thread.ofPlatform().daemon().start(() -> output.lines().forEach(ignored -> { }));
        return process;
    }

    private void awaitChunks(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (strategy.status().chunksDone() < count && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertThat(strategy.status().chunksDone()).as("chunks done before the kill").isGreaterThanOrEqualTo(count);
    }
}
