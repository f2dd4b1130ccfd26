package arena.strategy.akka;

import akka.Done;
import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.actor.typed.DispatcherSelector;
import arena.core.CountGrid;
import arena.core.Execution;
import arena.core.GridJob;
import arena.core.RowRange;
import arena.core.Schedule;
import arena.core.SequentialStrategy;
import arena.core.StrategyConfig;
import arena.core.kernel.Kernel;
import arena.core.kernel.Kernels;
import arena.core.problem.Complex;
import arena.core.problem.JuliaParams;
import arena.core.testkit.FailingKernel;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actors on their own, in a real actor system: worker actors driven by test probes standing in
 * for a coordinator, and coordinators driven by test probes standing in for workers, so each side of
 * the protocol is checked message by message.
 */
class AkkaActorsTest {

    /** Ten rows (resolution 9). */
    private static final JuliaParams PROBLEM = JuliaParams.of(9, new Complex(-0.4, 0.6));
    private static final Duration QUIET = Duration.ofMillis(150);

    private static ActorTestKit testKit;

    @BeforeAll
    static void startActorSystem() {
        testKit = ActorTestKit.create("AkkaActorsTest", AkkaSettings.forWorkers(2));
    }

    @AfterAll
    static void stopActorSystem() {
        testKit.shutdownTestKit();
    }

    @Test
    void worker_computesItsChunkIntoTheGrid_andRepliesWorkDone() {
        GridJob job = job(new Schedule.Static(0), 1, Kernels.defaultKernel());
        TestProbe<Coordinator.Event> coordinator = testKit.createTestProbe();

        worker(0).tell(new Worker.ComputeChunk(job, 0, coordinator.getRef()));

        coordinator.expectMessage(new Coordinator.WorkDone(0, 0));
        assertThat(CountGrid.difference(sequential(), job.finish())).isEmpty();
    }

    @Test
    void worker_repliesThePartialCountOfItsBand() {
        CountGrid grid = sequential();
        int value = PROBLEM.nMax();
        TestProbe<Coordinator.Event> coordinator = testKit.createTestProbe();

        worker(1).tell(new Worker.CountRows(grid, value, new RowRange(3, 7), coordinator.getRef()));

        coordinator.expectMessage(new Coordinator.WorkDone(1, grid.countEqualInRows(value, 3, 7)));
    }

    @Test
    void worker_reportsTheKernelsOriginalException_andKeepsWorking() {
        GridJob failing = job(new Schedule.Dynamic(1), 2, new FailingKernel(4));
        TestProbe<Coordinator.Event> coordinator = testKit.createTestProbe();
        ActorRef<Worker.Command> worker = worker(1);

        worker.tell(new Worker.ComputeChunk(failing, 4, coordinator.getRef()));

        Coordinator.WorkerFailed failed = coordinator.expectMessageClass(Coordinator.WorkerFailed.class);
        assertThat(failed.worker()).isEqualTo(1);
        assertThat(failed.cause()).isInstanceOf(FailingKernel.InjectedFailure.class).hasMessage("injected failure at row 4");
        assertThat(failing.stopped()).as("the failure is recorded in the job").isTrue();

        worker.tell(new Worker.ComputeChunk(job(new Schedule.Dynamic(1), 2, Kernels.defaultKernel()), 4, coordinator.getRef()));
        coordinator.expectMessage(new Coordinator.WorkDone(1, 0));
    }

    @Test
    void worker_computesNoOwnedChunk_onceTheJobIsStopped() {
        FailingKernel countingKernel = new FailingKernel(-1);
        GridJob job = job(new Schedule.Static(1), 2, countingKernel);
        job.cancel("stopped before the worker starts");
        TestProbe<Coordinator.Event> coordinator = testKit.createTestProbe();

        worker(0).tell(new Worker.ComputeOwned(job, job.plan().chunksOf(0), coordinator.getRef()));

        coordinator.expectMessage(new Coordinator.WorkDone(0, 0));
        assertThat(countingKernel.rowsComputed()).isZero();
    }

    @Test
    void coordinator_sendsEachStaticWorkerItsOwnChunkList_andRepliesWhenAllAreDone() {
        GridJob job = job(new Schedule.Static(3), 3, Kernels.defaultKernel());
        List<TestProbe<Worker.Command>> workers = workerProbes(3);
        TestProbe<Done> caller = testKit.createTestProbe();

        testKit.spawn(Coordinator.create(new GridAssignment(job), refs(workers), caller.getRef()));

        List<Worker.ComputeOwned> assigned = workers.stream()
                .map(worker -> worker.expectMessageClass(Worker.ComputeOwned.class))
                .toList();
        for (int w = 0; w < 3; w++) {
            assertThat(assigned.get(w).chunks()).as("chunks of worker %d", w).isEqualTo(job.plan().chunksOf(w));
        }
        ActorRef<Coordinator.Event> coordinator = assigned.get(0).replyTo();
        coordinator.tell(new Coordinator.WorkDone(0, 0));
        coordinator.tell(new Coordinator.WorkDone(2, 0));
        caller.expectNoMessage(QUIET);

        coordinator.tell(new Coordinator.WorkDone(1, 0));
        caller.expectMessage(Done.getInstance());
    }

    @Test
    void coordinator_handsSharedChunksInPlanOrder_toWhicheverWorkerFinishesFirst() {
        GridJob job = job(new Schedule.Dynamic(2), 2, Kernels.defaultKernel());
        List<TestProbe<Worker.Command>> workers = workerProbes(2);
        TestProbe<Done> caller = testKit.createTestProbe();

        testKit.spawn(Coordinator.create(new GridAssignment(job), refs(workers), caller.getRef()));

        // each worker starts with two chunks (one to compute, one waiting), dealt in plan order
        assertThat(nextChunk(workers.get(0))).isZero();
        Worker.ComputeChunk second = workers.get(1).expectMessageClass(Worker.ComputeChunk.class);
        assertThat(second.chunk()).isEqualTo(1);
        assertThat(nextChunk(workers.get(0))).isEqualTo(2);
        assertThat(nextChunk(workers.get(1))).isEqualTo(3);
        ActorRef<Coordinator.Event> coordinator = second.replyTo();

        coordinator.tell(new Coordinator.WorkDone(1, 0));
        assertThat(nextChunk(workers.get(1))).isEqualTo(4);
        coordinator.tell(new Coordinator.WorkDone(1, 0));
        coordinator.tell(new Coordinator.WorkDone(0, 0));
        coordinator.tell(new Coordinator.WorkDone(1, 0));
        caller.expectNoMessage(QUIET);
        coordinator.tell(new Coordinator.WorkDone(0, 0));
        caller.expectMessage(Done.getInstance());
        workers.forEach(worker -> worker.expectNoMessage(QUIET));
    }

    @Test
    void coordinator_stopsHandingOutChunksAfterAFailure_butRepliesOnlyOnceChunksInFlightAreDone() {
        GridJob job = job(new Schedule.Dynamic(1), 2, Kernels.defaultKernel());
        List<TestProbe<Worker.Command>> workers = workerProbes(2);
        TestProbe<Done> caller = testKit.createTestProbe();

        testKit.spawn(Coordinator.create(new GridAssignment(job), refs(workers), caller.getRef()));
        ActorRef<Coordinator.Event> coordinator = workers.get(0).expectMessageClass(Worker.ComputeChunk.class).replyTo();
        workers.get(1).expectMessageClass(Worker.ComputeChunk.class);
        workers.get(0).expectMessageClass(Worker.ComputeChunk.class);
        workers.get(1).expectMessageClass(Worker.ComputeChunk.class);

        IllegalStateException original = new IllegalStateException("kernel broke");
        coordinator.tell(new Coordinator.WorkerFailed(0, original));
        workers.get(0).expectNoMessage(QUIET);
        caller.expectNoMessage(QUIET);

        // the three chunks still in the workers' hands report back (skipped, since the job stopped)
        coordinator.tell(new Coordinator.WorkDone(0, 0));
        coordinator.tell(new Coordinator.WorkDone(1, 0));
        caller.expectNoMessage(QUIET);
        coordinator.tell(new Coordinator.WorkDone(1, 0));
        caller.expectMessage(Done.getInstance());
        workers.forEach(worker -> worker.expectNoMessage(QUIET));
        assertThat(job.stopped()).isTrue();
    }

    @Test
    void countCoordinator_sumsThePartialCountsOfRealWorkers() {
        CountGrid grid = sequential();
        int value = PROBLEM.nMax();
        List<ActorRef<Worker.Command>> workers = List.of(worker(0), worker(1), worker(2));
        TestProbe<CountAssignment.Result> caller = testKit.createTestProbe();

        testKit.spawn(Coordinator.create(new CountAssignment(grid, value), workers, caller.getRef()));

        caller.expectMessage(new CountAssignment.Result(grid.countEqual(value), null));
    }

    private static ActorRef<Worker.Command> worker(int index) {
        return testKit.spawn(Worker.create(index), DispatcherSelector.fromConfig(AkkaSettings.WORKER_DISPATCHER));
    }

    private static List<TestProbe<Worker.Command>> workerProbes(int count) {
        return IntStream.range(0, count)
                .mapToObj(w -> testKit.<Worker.Command>createTestProbe("worker-" + w))
                .toList();
    }

    private static List<ActorRef<Worker.Command>> refs(List<TestProbe<Worker.Command>> probes) {
        return probes.stream().map(TestProbe::getRef).toList();
    }

    private static int nextChunk(TestProbe<Worker.Command> worker) {
        return worker.expectMessageClass(Worker.ComputeChunk.class).chunk();
    }

    private static GridJob job(Schedule schedule, int workers, Kernel kernel) {
        return new GridJob("akka", PROBLEM, new Execution(schedule, kernel), workers);
    }

    private static CountGrid sequential() {
        return new SequentialStrategy(StrategyConfig.threads(1)).compute(PROBLEM, Execution.reference());
    }
}
