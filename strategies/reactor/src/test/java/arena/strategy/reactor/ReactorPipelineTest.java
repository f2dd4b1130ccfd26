package arena.strategy.reactor;

import arena.core.CountGrid;
import arena.core.Execution;
import arena.core.GridJob;
import arena.core.concurrent.RailGuard;
import arena.core.Schedule;
import arena.core.SequentialStrategy;
import arena.core.StrategyConfig;
import arena.core.WorkerFailedException;
import arena.core.concurrent.InFlight;
import arena.core.problem.Complex;
import arena.core.problem.JuliaParams;
import arena.core.testkit.FailingKernel;
import arena.core.testkit.FirstRowWaitsForTheOthersKernel;
import arena.core.testkit.ThreadRecordingKernel;
import arena.core.testkit.TwoRowsFailTogetherKernel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Hooks;
import reactor.test.StepVerifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What is particular to {@code reactor}: the shape of its pipelines (checked with {@link StepVerifier}),
 * how the prefetch settings turn rails into a dynamic hand-out, how the static schedule keeps each
 * worker's chunks on one rail, and that a second failure stays out of Reactor's hooks. That a failed
 * or interrupted run waits for the chunks other rails still compute, the shared suite checks.
 */
class ReactorPipelineTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final JuliaParams PROBLEM = JuliaParams.of(40, new Complex(-0.7, 0.27)).withNMax(200);

    @Test
    void chunkPipeline_emitsEveryChunkIdOnce_thenCompletes_withTheSequentialGrid() {
        Schedule guided = new Schedule.Guided(2);
        assertPipelineEmitsOnce(3, guided, IntStream.range(0, guided.plan(PROBLEM.size(), 3).size()).boxed().toList());
    }

    @Test
    void staticPipeline_emitsOneSignalPerWorker_thenCompletes_withTheSequentialGrid() {
        assertPipelineEmitsOnce(4, new Schedule.Static(3), List.of(0, 1, 2, 3));
    }

    /** Runs the pipeline of a job of {@link #PROBLEM} on {@code threads} rails; checks that it emits {@code signals} once each, and the grid. */
    private static void assertPipelineEmitsOnce(int threads, Schedule schedule, List<Integer> signals) {
        try (ReactorStrategy strategy = open(threads)) {
            GridJob job = new GridJob("reactor", PROBLEM, Execution.of(schedule), threads);
            StepVerifier.create(strategy.chunks(job, new RailGuard(job)))
                    .recordWith(ArrayList::new)
                    .expectNextCount(signals.size())
                    .consumeRecordedWith(emitted -> assertThat(emitted).containsExactlyInAnyOrderElementsOf(signals))
                    .expectComplete()
                    .verify(TIMEOUT);

            assertThat(CountGrid.difference(sequential(PROBLEM), job.finish())).isEmpty();
        }
    }

    @Test
    void chunkPipeline_signalsTheKernelsOwnException_andTheJobHoldsItAsTheCause() {
        try (ReactorStrategy strategy = open(2)) {
            GridJob job = new GridJob("reactor", PROBLEM, new Execution(new Schedule.Dynamic(1), new FailingKernel(7)), 2);
            RailGuard guard = new RailGuard(job);

            StepVerifier.create(strategy.chunks(job, guard))
                    .thenConsumeWhile(id -> true)
                    .expectError(FailingKernel.InjectedFailure.class)
                    .verify(TIMEOUT);
            guard.stopAndAwait();

            assertThatThrownBy(job::finish)
                    .isInstanceOf(WorkerFailedException.class)
                    .cause()
                    .isInstanceOf(FailingKernel.InjectedFailure.class)
                    .hasMessage("injected failure at row 7");
        }
    }

    @Test
    void partialCounts_oneLongPerRail_reduceToTheSequentialCount() {
        CountGrid grid = sequential(PROBLEM);
        long expected = grid.countEqual(PROBLEM.nMax());
        try (ReactorStrategy strategy = open(3)) {
            StepVerifier.create(strategy.partialCounts(grid, PROBLEM.nMax(), new InFlight()).sequential())
                    .recordWith(ArrayList::new)
                    .expectNextCount(3)
                    .consumeRecordedWith(partials -> assertThat(partials.stream().mapToLong(Long::longValue).sum())
                            .isEqualTo(expected))
                    .expectComplete()
                    .verify(TIMEOUT);

            StepVerifier.create(strategy.partialCounts(grid, PROBLEM.nMax(), new InFlight()).reduce(Long::sum))
                    .expectNext(expected)
                    .expectComplete()
                    .verify(TIMEOUT);
        }
    }

    @Test
    void dynamicSchedule_oneFreeRailThreadTakesEveryChunk_whileAnotherRailIsBusy() {
        JuliaParams problem = JuliaParams.of(19, new Complex(0.285, 0.01));
        FirstRowWaitsForTheOthersKernel kernel = new FirstRowWaitsForTheOthersKernel(problem.size());
        try (ReactorStrategy strategy = open(2)) {
            strategy.compute(problem, new Execution(new Schedule.Dynamic(1), kernel));
        }
        // the shared suite checks the hand-out itself; a Reactor rail stays on one thread of its own
        assertThat(kernel.threadsOf(IntStream.range(1, problem.size()))).hasSize(1).doesNotContain(kernel.threadOf(0));
    }

    @Test
    void staticSchedule_runsEachWorkersChunksOnOneRailThreadOfItsOwn() {
        try (ReactorStrategy strategy = open(3)) {
            List<Set<String>> byWorker = ThreadRecordingKernel.threadsByWorkerUnderStatic(strategy, JuliaParams.of(30, new Complex(-0.4, 0.6)));
            assertThat(byWorker).as("threads that computed each worker's rows").allSatisfy(threads -> assertThat(threads).hasSize(1));
            assertThat(byWorker.stream().flatMap(Set::stream).distinct())
                    .hasSize(3).allSatisfy(name -> assertThat(name).startsWith("arena-reactor-"));
        }
    }

    @Test
    void secondFailure_isRecordedByItsRail_notDroppedToReactorsHooks() {
        List<Throwable> dropped = new CopyOnWriteArrayList<>();
        Hooks.onErrorDropped(dropped::add); // test-only: the strategy installs no hook
        try (ReactorStrategy strategy = open(2)) {
            TwoRowsFailTogetherKernel.assertOneOfTwoFailuresReachesTheCaller(strategy, PROBLEM);
            assertThat(dropped).as("errors Reactor dropped").isEmpty();
        } finally {
            Hooks.resetOnErrorDropped();
        }
    }

    private static ReactorStrategy open(int threads) {
        return new ReactorStrategy(new ReactorProvider(), StrategyConfig.threads(threads));
    }

    private static CountGrid sequential(JuliaParams problem) {
        return new SequentialStrategy(StrategyConfig.threads(1)).compute(problem, Execution.reference());
    }
}
