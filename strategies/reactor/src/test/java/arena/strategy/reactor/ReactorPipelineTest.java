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
import arena.core.kernel.Kernel;
import arena.core.kernel.ScalarKernel;
import arena.core.problem.Complex;
import arena.core.problem.JuliaParams;
import arena.core.testkit.FailingKernel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Hooks;
import reactor.test.StepVerifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What is particular to {@code reactor}: the shape of its pipelines (checked with {@link StepVerifier}),
 * how the prefetch settings turn rails into a dynamic hand-out, how the static schedule keeps each
 * worker's chunks on one rail, and that a failed or interrupted run waits for the chunks other rails
 * still compute.
 */
class ReactorPipelineTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final JuliaParams PROBLEM = JuliaParams.of(40, new Complex(-0.7, 0.27)).withNMax(200);

    @Test
    void chunkPipeline_emitsEveryChunkIdOnce_thenCompletes_withTheSequentialGrid() {
        try (ReactorStrategy strategy = open(3)) {
            GridJob job = new GridJob("reactor", PROBLEM, Execution.of(new Schedule.Guided(2)), 3);
            List<Integer> allIds = IntStream.range(0, job.plan().size()).boxed().toList();

            StepVerifier.create(strategy.chunks(job, new RailGuard(job)))
                    .recordWith(ArrayList::new)
                    .expectNextCount(allIds.size())
                    .consumeRecordedWith(ids -> assertThat(ids).containsExactlyInAnyOrderElementsOf(allIds))
                    .expectComplete()
                    .verify(TIMEOUT);

            assertThat(CountGrid.difference(sequential(PROBLEM), job.finish())).isEmpty();
        }
    }

    @Test
    void staticPipeline_emitsOneSignalPerWorker_thenCompletes_withTheSequentialGrid() {
        try (ReactorStrategy strategy = open(4)) {
            GridJob job = new GridJob("reactor", PROBLEM, Execution.of(new Schedule.Static(3)), 4);

            StepVerifier.create(strategy.chunks(job, new RailGuard(job)))
                    .recordWith(ArrayList::new)
                    .expectNextCount(4)
                    .consumeRecordedWith(workers -> assertThat(workers).containsExactlyInAnyOrder(0, 1, 2, 3))
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
    void dynamicSchedule_aFreeRailTakesEveryNextChunk_whileAnotherRailIsBusy() {
        JuliaParams problem = JuliaParams.of(19, new Complex(0.285, 0.01));
        RowZeroWaitsForTheOthers kernel = new RowZeroWaitsForTheOthers(problem.size());
        try (ReactorStrategy strategy = open(2)) {
            CountGrid grid = strategy.compute(problem, new Execution(new Schedule.Dynamic(1), kernel));

            assertThat(kernel.othersDoneInTime)
                    .as("rows 1..%d were computed while row 0 held its rail (no rail pre-claimed ids)", problem.size() - 1)
                    .isTrue();
            assertThat(kernel.threadsOfRows(1, problem.size())).hasSize(1).doesNotContain(kernel.threadOfRow.get(0));
            assertThat(CountGrid.difference(sequential(problem), grid)).isEmpty();
        }
    }

    @Test
    void staticSchedule_runsEachWorkersChunksOnOneRailThreadOfItsOwn() {
        JuliaParams problem = JuliaParams.of(30, new Complex(-0.4, 0.6));
        RecordingKernel kernel = new RecordingKernel(problem.size());
        try (ReactorStrategy strategy = open(3)) {
            CountGrid grid = strategy.compute(problem, new Execution(new Schedule.Static(1), kernel));

            Set<String> railThreads = new HashSet<>();
            for (int worker = 0; worker < 3; worker++) {
                int w = worker;
                Set<String> threads = kernel.threadsOf(IntStream.range(0, problem.size()).filter(row -> row % 3 == w));
                assertThat(threads).as("threads that computed worker %d's rows", w).hasSize(1);
                railThreads.addAll(threads);
            }
            assertThat(railThreads).hasSize(3).allSatisfy(name -> assertThat(name).startsWith("arena-reactor-"));
            assertThat(CountGrid.difference(sequential(problem), grid)).isEmpty();
        }
    }

    @Test
    void failure_returnsOnlyAfterTheChunkInFlightOnAnotherRailHasFinished() {
        SlowRowOneFailingRowZero kernel = new SlowRowOneFailingRowZero();
        try (ReactorStrategy strategy = open(2)) {
            assertThatThrownBy(() -> strategy.compute(PROBLEM, new Execution(new Schedule.Dynamic(1), kernel)))
                    .isInstanceOf(WorkerFailedException.class)
                    .cause()
                    .hasMessage("row 0 fails once row 1 is under way");
            assertThat(kernel.slowRowFinished).as("row 1 finished before compute returned").isTrue();

            assertThat(CountGrid.difference(sequential(PROBLEM), strategy.compute(PROBLEM, Execution.of(new Schedule.Dynamic(1)))))
                    .as("the strategy is usable after the failure")
                    .isEmpty();
        }
    }

    @Test
    void secondFailure_isRecordedByItsRail_notDroppedToReactorsHooks() {
        List<Throwable> dropped = new CopyOnWriteArrayList<>();
        Hooks.onErrorDropped(dropped::add); // test-only: the strategy installs no hook
        try (ReactorStrategy strategy = open(2)) {
            TwoRowsFailTogether kernel = new TwoRowsFailTogether();
            assertThatThrownBy(() -> strategy.compute(PROBLEM, new Execution(new Schedule.Dynamic(1), kernel)))
                    .isInstanceOf(WorkerFailedException.class)
                    .cause()
                    .hasMessageStartingWith("row ");
            assertThat(kernel.failed.get()).as("rows that failed").isEqualTo(2);
            assertThat(dropped).as("errors Reactor dropped").isEmpty();
        } finally {
            Hooks.resetOnErrorDropped();
        }
    }

    @Test
    void interruptedCaller_cancelsTheRun_waitsForTheRails_andKeepsItsInterruptFlag() throws InterruptedException {
        SlowFirstRows kernel = new SlowFirstRows(2);
        Thread caller = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            kernel.awaitFirstStarted();
            caller.interrupt();
        }, "test-interrupter");
        try (ReactorStrategy strategy = open(2)) {
            interrupter.start();
            assertThatThrownBy(() -> strategy.compute(PROBLEM, new Execution(new Schedule.Dynamic(1), kernel)))
                    .isInstanceOf(CancellationException.class);
            assertThat(Thread.currentThread().isInterrupted()).as("the caller's interrupt flag").isTrue();
            assertThat(kernel.rowsFinished.get()).as("rows finished before compute returned")
                    .isEqualTo(kernel.rowsStarted.get())
                    .isLessThan(PROBLEM.size());
        } finally {
            interrupter.join();
            Thread.interrupted();
        }
    }

    @Test
    void interruptedCaller_getsNoFraction_andKeepsItsInterruptFlag() {
        CountGrid grid = sequential(PROBLEM);
        try (ReactorStrategy strategy = open(2)) {
            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> strategy.fraction(grid, PROBLEM.nMax())).isInstanceOf(CancellationException.class);
            assertThat(Thread.interrupted()).as("the caller's interrupt flag").isTrue();
            assertThat(strategy.fraction(grid, PROBLEM.nMax())).isEqualTo(new SequentialStrategy(StrategyConfig.threads(1))
                    .fraction(grid, PROBLEM.nMax()));
        } finally {
            Thread.interrupted();
        }
    }

    private static ReactorStrategy open(int threads) {
        return new ReactorStrategy(new ReactorProvider(), StrategyConfig.threads(threads));
    }

    private static CountGrid sequential(JuliaParams problem) {
        return new SequentialStrategy(StrategyConfig.threads(1)).compute(problem, Execution.reference());
    }

    /** The scalar kernel, remembering which thread computed each row. */
    private static class RecordingKernel implements Kernel {
        final AtomicReferenceArray<String> threadOfRow;

        RecordingKernel(int rows) {
            threadOfRow = new AtomicReferenceArray<>(rows);
        }

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd) {
            for (int row = rowStart; row < rowEnd; row++) {
                threadOfRow.set(row, Thread.currentThread().getName());
            }
            ScalarKernel.INSTANCE.computeRows(params, counts, rowStart, rowEnd);
        }

        Set<String> threadsOf(IntStream rows) {
            Set<String> threads = new HashSet<>();
            rows.forEach(row -> threads.add(threadOfRow.get(row)));
            return threads;
        }

        Set<String> threadsOfRows(int start, int end) {
            return threadsOf(IntStream.range(start, end));
        }
    }

    /**
     * Holds row 0 until every other row has been computed (or five seconds have passed): a rail that
     * had pre-claimed any further row would keep that row waiting behind row 0.
     */
    private static final class RowZeroWaitsForTheOthers extends RecordingKernel {
        private final CountDownLatch others;
        volatile boolean othersDoneInTime;

        RowZeroWaitsForTheOthers(int rows) {
            super(rows);
            others = new CountDownLatch(rows - 1);
        }

        @Override
        public void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd) {
            if (rowStart == 0) {
                othersDoneInTime = awaitUninterruptibly(others, Duration.ofSeconds(5));
            }
            super.computeRows(params, counts, rowStart, rowEnd);
            for (int row = Math.max(1, rowStart); row < rowEnd; row++) {
                others.countDown();
            }
        }
    }

    /**
     * Row 0 fails as soon as row 1 has started on the other rail; row 1 takes 300 ms, ignoring
     * interrupts as a CPU-bound kernel does, and then notes that it finished.
     */
    private static final class SlowRowOneFailingRowZero implements Kernel {
        private final CountDownLatch slowRowStarted = new CountDownLatch(1);
        volatile boolean slowRowFinished;

        @Override
        public String name() {
            return "slow-row-1-failing-row-0";
        }

        @Override
        public void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd) {
            if (rowStart == 0) {
                awaitUninterruptibly(slowRowStarted, Duration.ofSeconds(5));
                throw new IllegalStateException("row 0 fails once row 1 is under way");
            }
            if (rowStart == 1) {
                slowRowStarted.countDown();
                sleepUninterruptibly(Duration.ofMillis(300));
            }
            ScalarKernel.INSTANCE.computeRows(params, counts, rowStart, rowEnd);
            if (rowStart == 1) {
                slowRowFinished = true;
            }
        }
    }

    /** Rows 0 and 1 each wait until both have started, then both fail; every other row computes. */
    private static final class TwoRowsFailTogether implements Kernel {
        private final CountDownLatch bothStarted = new CountDownLatch(2);
        final AtomicInteger failed = new AtomicInteger();

        @Override
        public String name() {
            return "two-rows-fail-together";
        }

        @Override
        public void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd) {
            if (rowStart <= 1) {
                bothStarted.countDown();
                awaitUninterruptibly(bothStarted, Duration.ofSeconds(5));
                failed.incrementAndGet();
                throw new IllegalStateException("row " + rowStart + " fails");
            }
            ScalarKernel.INSTANCE.computeRows(params, counts, rowStart, rowEnd);
        }
    }

    /**
     * Rows {@code [0, slowRows)} take 300 ms each, ignoring interrupts as a CPU-bound kernel does; the
     * kernel counts the rows started and finished.
     */
    private static final class SlowFirstRows implements Kernel {
        private final int slowRows;
        private final CountDownLatch firstStarted = new CountDownLatch(1);
        final AtomicInteger rowsStarted = new AtomicInteger();
        final AtomicInteger rowsFinished = new AtomicInteger();

        SlowFirstRows(int slowRows) {
            this.slowRows = slowRows;
        }

        @Override
        public String name() {
            return "slow-first-rows";
        }

        @Override
        public void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd) {
            rowsStarted.addAndGet(rowEnd - rowStart);
            firstStarted.countDown();
            if (rowStart < slowRows) {
                sleepUninterruptibly(Duration.ofMillis(300));
            }
            ScalarKernel.INSTANCE.computeRows(params, counts, rowStart, rowEnd);
            rowsFinished.addAndGet(rowEnd - rowStart);
        }

        void awaitFirstStarted() {
            awaitUninterruptibly(firstStarted, Duration.ofSeconds(5));
        }
    }

    private static boolean awaitUninterruptibly(CountDownLatch latch, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return latch.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void sleepUninterruptibly(Duration duration) {
        awaitUninterruptibly(new CountDownLatch(1), duration);
    }
}
