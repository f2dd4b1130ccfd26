package arena.strategy.rxjava;

import arena.core.CountGrid;
import arena.core.Execution;
import arena.core.Schedule;
import arena.core.SequentialStrategy;
import arena.core.StrategyConfig;
import arena.core.WorkerFailedException;
import arena.core.kernel.Kernel;
import arena.core.kernel.ScalarKernel;
import arena.core.problem.Complex;
import arena.core.problem.JuliaParams;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import java.time.Duration;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What is particular to {@code rxjava}: how the prefetch settings turn rails into a dynamic hand-out,
 * how the static schedule keeps each worker's chunks on one thread, that a failed or interrupted run
 * waits for the chunks other rails still compute, and that a second failure stays out of
 * {@code RxJavaPlugins}.
 */
class RxJavaPipelineTest {

    private static final JuliaParams PROBLEM = JuliaParams.of(40, new Complex(-0.7, 0.27)).withNMax(200);

    @Test
    void dynamicSchedule_aFreeRailTakesEveryNextChunk_whileAnotherRailIsBusy() {
        JuliaParams problem = JuliaParams.of(19, new Complex(0.285, 0.01));
        RowZeroWaitsForTheOthers kernel = new RowZeroWaitsForTheOthers(problem.size());
        try (RxJavaStrategy strategy = open(2)) {
            CountGrid grid = strategy.compute(problem, new Execution(new Schedule.Dynamic(1), kernel));

            assertThat(kernel.othersDoneInTime)
                    .as("rows 1..%d were computed while row 0 held its rail (no rail pre-claimed ids)", problem.size() - 1)
                    .isTrue();
            // Schedulers.from(executor) does not pin a rail to one pool thread, so which thread ran
            // which row is not asserted; that the other rows ran while row 0 held its rail is.
            assertThat(kernel.threadsOf(IntStream.range(0, problem.size()))).allSatisfy(name -> assertThat(name).startsWith("arena-rxjava-"));
            assertThat(CountGrid.difference(sequential(problem), grid)).isEmpty();
        }
    }

    @Test
    void staticSchedule_runsEachWorkersChunksOnOneThreadOfThePool() {
        JuliaParams problem = JuliaParams.of(30, new Complex(-0.4, 0.6));
        RecordingKernel kernel = new RecordingKernel(problem.size());
        try (RxJavaStrategy strategy = open(3)) {
            CountGrid grid = strategy.compute(problem, new Execution(new Schedule.Static(1), kernel));

            Set<String> threads = new HashSet<>();
            for (int worker = 0; worker < 3; worker++) {
                int w = worker;
                Set<String> ofWorker = kernel.threadsOf(IntStream.range(0, problem.size()).filter(row -> row % 3 == w));
                assertThat(ofWorker).as("threads that computed worker %d's rows", w).hasSize(1);
                threads.addAll(ofWorker);
            }
            assertThat(threads).allSatisfy(name -> assertThat(name).startsWith("arena-rxjava-"));
            assertThat(CountGrid.difference(sequential(problem), grid)).isEmpty();
        }
    }

    @Test
    void failure_returnsOnlyAfterTheChunkInFlightOnAnotherRailHasFinished() {
        SlowRowOneFailingRowZero kernel = new SlowRowOneFailingRowZero();
        try (RxJavaStrategy strategy = open(2)) {
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
    void fatalError_reachesTheCallerAsTheVeryInstance_notRethrownOnTheRail() {
        StackOverflowError thrown = new StackOverflowError("kernel overflowed");
        Kernel kernel = new Kernel() {
            @Override
            public String name() {
                return "overflowing";
            }

            @Override
            public void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd) {
                if (rowStart <= 5 && 5 < rowEnd) {
                    throw thrown;
                }
                ScalarKernel.INSTANCE.computeRows(params, counts, rowStart, rowEnd);
            }
        };
        try (RxJavaStrategy strategy = open(2)) {
            assertThatThrownBy(() -> strategy.compute(PROBLEM, new Execution(new Schedule.Guided(1), kernel)))
                    .isInstanceOf(WorkerFailedException.class)
                    .cause()
                    .isSameAs(thrown);
        }
    }

    @Test
    void secondFailure_isRecordedByItsRail_notReportedToRxJavaPlugins() {
        List<Throwable> undeliverable = new CopyOnWriteArrayList<>();
        RxJavaPlugins.setErrorHandler(undeliverable::add); // test-only: the strategy sets no global handler
        try (RxJavaStrategy strategy = open(2)) {
            TwoRowsFailTogether kernel = new TwoRowsFailTogether();
            assertThatThrownBy(() -> strategy.compute(PROBLEM, new Execution(new Schedule.Dynamic(1), kernel)))
                    .isInstanceOf(WorkerFailedException.class)
                    .cause()
                    .hasMessageStartingWith("row ");
            assertThat(kernel.failed.get()).as("rows that failed").isEqualTo(2);
            assertThat(undeliverable).as("errors RxJava could not deliver").isEmpty();
        } finally {
            RxJavaPlugins.setErrorHandler(null);
        }
    }

    @Test
    void interruptedCaller_cancelsTheRun_waitsForTheRails_andKeepsItsInterruptFlag() throws InterruptedException {
        SlowFirstRows kernel = new SlowFirstRows(2);
        Thread caller = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            await(kernel.firstStarted, Duration.ofSeconds(5));
            caller.interrupt();
        }, "test-interrupter");
        try (RxJavaStrategy strategy = open(2)) {
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
        try (RxJavaStrategy strategy = open(2)) {
            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> strategy.fraction(grid, PROBLEM.nMax())).isInstanceOf(CancellationException.class);
            assertThat(Thread.interrupted()).as("the caller's interrupt flag").isTrue();
            assertThat(strategy.fraction(grid, PROBLEM.nMax()))
                    .isEqualTo(new SequentialStrategy(StrategyConfig.threads(1)).fraction(grid, PROBLEM.nMax()));
        } finally {
            Thread.interrupted();
        }
    }

    private static RxJavaStrategy open(int threads) {
        return new RxJavaStrategy(new RxJavaProvider(), StrategyConfig.threads(threads));
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
                othersDoneInTime = await(others, Duration.ofSeconds(5));
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
                await(slowRowStarted, Duration.ofSeconds(5));
                throw new IllegalStateException("row 0 fails once row 1 is under way");
            }
            if (rowStart == 1) {
                slowRowStarted.countDown();
                busyFor(Duration.ofMillis(300));
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
                await(bothStarted, Duration.ofSeconds(5));
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
        final CountDownLatch firstStarted = new CountDownLatch(1);
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
                busyFor(Duration.ofMillis(300));
            }
            ScalarKernel.INSTANCE.computeRows(params, counts, rowStart, rowEnd);
            rowsFinished.addAndGet(rowEnd - rowStart);
        }
    }

    private static boolean await(CountDownLatch latch, Duration timeout) {
        try {
            return latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Spins for {@code duration}, ignoring interrupts as a CPU-bound kernel does. */
    private static void busyFor(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }
}
