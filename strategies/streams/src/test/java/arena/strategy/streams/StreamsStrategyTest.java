package arena.strategy.streams;

import arena.core.CountGrid;
import arena.core.Execution;
import arena.core.RowRange;
import arena.core.Schedule;
import arena.core.SequentialStrategy;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.WorkerFailedException;
import arena.core.input.InvalidInputException;
import arena.core.kernel.Kernel;
import arena.core.kernel.ScalarKernel;
import arena.core.problem.Complex;
import arena.core.problem.JuliaParams;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What is particular to {@code streams}: the stream runs in the strategy's own pool of the requested
 * size, only the schedules a stream's splitting can express are accepted, the split plan's leaves are
 * the stream's elements, and a failed or interrupted run returns only after every element has ended.
 */
class StreamsStrategyTest {

    private static final JuliaParams PROBLEM = JuliaParams.of(40, new Complex(-0.7, 0.27)).withNMax(200);

    private final StreamsProvider provider = new StreamsProvider();

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8})
    void pool_hasTheRequestedParallelism(int threads) {
        try (StreamsStrategy strategy = open(threads)) {
            assertThat(strategy.parallelism()).isEqualTo(threads).isEqualTo(strategy.threads());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dynamic", "dynamic:4", "guided", "guided:2"})
    void dynamicAndGuided_areRefused_namingStaticAndSplit(String spec) {
        try (Strategy strategy = open(2)) {
            assertThatThrownBy(() -> strategy.compute(PROBLEM, Execution.of(Schedule.parse(spec))))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("'" + spec.split(":")[0])
                    .hasMessageContaining("it supports: static, split");
        }
    }

    @Test
    void splitSchedule_computesExactlyThePlansLeaves_onThePoolsOwnThreads() {
        Schedule.Split split = new Schedule.Split(3);
        RecordingKernel kernel = new RecordingKernel();
        try (Strategy strategy = open(4)) {
            CountGrid grid = strategy.compute(PROBLEM, new Execution(split, kernel));
            assertThat(CountGrid.difference(sequential(PROBLEM), grid)).isEmpty();
        }
        assertThat(kernel.threadByBand.keySet()).containsExactlyInAnyOrderElementsOf(split.plan(PROBLEM.size(), 4).chunks());
        assertThat(kernel.threadByBand.values()).allMatch(name -> name.startsWith("arena-streams-"));
    }

    @Test
    void staticSchedule_computesEachWorkersChunks_onThePoolsOwnThreads() {
        RecordingKernel kernel = new RecordingKernel();
        try (Strategy strategy = open(3)) {
            CountGrid grid = strategy.compute(PROBLEM, new Execution(new Schedule.Static(2), kernel));
            assertThat(CountGrid.difference(sequential(PROBLEM), grid)).isEmpty();
        }
        assertThat(kernel.threadByBand.keySet())
                .containsExactlyInAnyOrderElementsOf(new Schedule.Static(2).plan(PROBLEM.size(), 3).chunks());
        assertThat(kernel.threadByBand.values()).allMatch(name -> name.startsWith("arena-streams-"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"static", "static:1", "split:1", "split:4"})
    void workerFailure_reachesTheCallerAsTheVeryInstanceTheKernelThrew(String spec) {
        // IllegalStateException has the (Throwable) constructor that ForkJoin uses to copy an exception it
        // rethrows in another thread; the caller must see the original, not such a copy.
        IllegalStateException thrown = new IllegalStateException("kernel broke");
        try (Strategy strategy = open(3)) {
            assertThatThrownBy(() -> strategy.compute(PROBLEM, new Execution(Schedule.parse(spec), new ThrowingKernel(17, thrown))))
                    .isInstanceOf(WorkerFailedException.class)
                    .cause()
                    .isSameAs(thrown);
        }
    }

    @Test
    void splitFailure_stopsTheOtherElementsPromptly_whereverTheStreamStarts() {
        JuliaParams problem = JuliaParams.seedCase().withResolution(400);
        FirstBandFails kernel = new FirstBandFails();
        try (Strategy strategy = open(2)) {
            assertThatThrownBy(() -> strategy.compute(problem, new Execution(new Schedule.Split(1), kernel)))
                    .isInstanceOf(WorkerFailedException.class);
            assertThat(CountGrid.difference(sequential(problem), strategy.compute(problem, Execution.of(new Schedule.Split(1)))))
                    .as("split:1 matches sequential after the failure")
                    .isEmpty();
        }
        assertThat(kernel.rowsComputed.get())
                .as("rows computed after the first band the stream reached had failed")
                .isLessThan(problem.size() / 8);
    }

    @Test
    void failure_returnsOnlyAfterTheElementInFlightOnAnotherThreadHasFinished() {
        FirstBandFailsOnceASecondIsUnderWay kernel = new FirstBandFailsOnceASecondIsUnderWay();
        try (Strategy strategy = open(2)) {
            assertThatThrownBy(() -> strategy.compute(PROBLEM, new Execution(new Schedule.Split(1), kernel)))
                    .isInstanceOf(WorkerFailedException.class)
                    .cause()
                    .hasMessage("the first band fails once a second is under way");
            assertThat(kernel.secondBandFinished).as("the second band finished before compute returned").isTrue();

            assertThat(CountGrid.difference(sequential(PROBLEM), strategy.compute(PROBLEM, Execution.of(new Schedule.Split(1)))))
                    .as("the strategy is usable after the failure")
                    .isEmpty();
        }
    }

    @Test
    void interruptedCaller_cancelsTheRun_waitsForTheStream_andKeepsItsInterruptFlag() throws InterruptedException {
        SlowBands kernel = new SlowBands();
        Thread caller = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            await(kernel.firstStarted, Duration.ofSeconds(5));
            caller.interrupt();
        }, "test-interrupter");
        try (Strategy strategy = open(2)) {
            interrupter.start();
            assertThatThrownBy(() -> strategy.compute(PROBLEM, new Execution(new Schedule.Split(1), kernel)))
                    .isInstanceOf(CancellationException.class);
            assertThat(Thread.currentThread().isInterrupted()).as("the caller's interrupt flag").isTrue();
            assertThat(kernel.bandsFinished.get()).as("bands finished before compute returned")
                    .isEqualTo(kernel.bandsStarted.get())
                    .isLessThan(PROBLEM.size());
        } finally {
            interrupter.join();
            Thread.interrupted();
        }
    }

    @Test
    void interruptedCaller_getsNoFraction_andKeepsItsInterruptFlag() {
        CountGrid grid = sequential(PROBLEM);
        try (Strategy strategy = open(2)) {
            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> strategy.fraction(grid, PROBLEM.nMax())).isInstanceOf(CancellationException.class);
            assertThat(Thread.interrupted()).as("the caller's interrupt flag").isTrue();
            assertThat(strategy.fraction(grid, PROBLEM.nMax()))
                    .isEqualTo(new SequentialStrategy(StrategyConfig.threads(1)).fraction(grid, PROBLEM.nMax()));
        } finally {
            Thread.interrupted();
        }
    }

    private StreamsStrategy open(int threads) {
        return (StreamsStrategy) provider.open(StrategyConfig.threads(threads));
    }

    private static CountGrid sequential(JuliaParams problem) {
        return new SequentialStrategy(StrategyConfig.threads(1)).compute(problem, Execution.reference());
    }

    private static boolean await(CountDownLatch latch, Duration timeout) {
        try {
            return latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Sleeps {@code duration}, ignoring interrupts as a CPU-bound kernel does. */
    private static void busyFor(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    /** The scalar kernel, remembering which thread computed each band. */
    private static final class RecordingKernel implements Kernel {
        final Map<RowRange, String> threadByBand = new ConcurrentHashMap<>();

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd) {
            threadByBand.put(new RowRange(rowStart, rowEnd), Thread.currentThread().getName());
            ScalarKernel.INSTANCE.computeRows(params, counts, rowStart, rowEnd);
        }
    }

    /** The scalar kernel, throwing one given exception instance when it reaches a given row. */
    private record ThrowingKernel(int failingRow, RuntimeException failure) implements Kernel {
        @Override
        public String name() {
            return "throwing-at-row-" + failingRow;
        }

        @Override
        public void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd) {
            if (failingRow >= rowStart && failingRow < rowEnd) {
                throw failure;
            }
            ScalarKernel.INSTANCE.computeRows(params, counts, rowStart, rowEnd);
        }
    }

    /** The scalar kernel, failing on the first band it is given (whichever the stream starts with). */
    private static final class FirstBandFails implements Kernel {
        private final AtomicBoolean first = new AtomicBoolean(true);
        final AtomicInteger rowsComputed = new AtomicInteger();

        @Override
        public String name() {
            return "first-band-fails";
        }

        @Override
        public void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd) {
            if (first.getAndSet(false)) {
                throw new IllegalStateException("the first band fails");
            }
            ScalarKernel.INSTANCE.computeRows(params, counts, rowStart, rowEnd);
            rowsComputed.addAndGet(rowEnd - rowStart);
        }
    }

    /**
     * The first band to start waits until a second band has started (on another thread, since the
     * first holds its own), then fails; the second takes 300 ms and then notes that it finished.
     */
    private static final class FirstBandFailsOnceASecondIsUnderWay implements Kernel {
        private final AtomicInteger calls = new AtomicInteger();
        private final CountDownLatch secondStarted = new CountDownLatch(1);
        volatile boolean secondBandFinished;

        @Override
        public String name() {
            return "first-band-fails";
        }

        @Override
        public void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd) {
            int call = calls.incrementAndGet();
            if (call == 1) {
                await(secondStarted, Duration.ofSeconds(5));
                throw new IllegalStateException("the first band fails once a second is under way");
            }
            if (call == 2) {
                secondStarted.countDown();
                busyFor(Duration.ofMillis(300));
            }
            ScalarKernel.INSTANCE.computeRows(params, counts, rowStart, rowEnd);
            if (call == 2) {
                secondBandFinished = true;
            }
        }
    }

    /** Every band takes 200 ms, ignoring interrupts; the kernel counts the bands started and finished. */
    private static final class SlowBands implements Kernel {
        final CountDownLatch firstStarted = new CountDownLatch(1);
        final AtomicInteger bandsStarted = new AtomicInteger();
        final AtomicInteger bandsFinished = new AtomicInteger();

        @Override
        public String name() {
            return "slow-bands";
        }

        @Override
        public void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd) {
            bandsStarted.incrementAndGet();
            firstStarted.countDown();
            busyFor(Duration.ofMillis(200));
            ScalarKernel.INSTANCE.computeRows(params, counts, rowStart, rowEnd);
            bandsFinished.incrementAndGet();
        }
    }
}
