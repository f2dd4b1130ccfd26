package arena.strategy.executor;

import arena.core.CountGrid;
import arena.core.Execution;
import arena.core.RowRange;
import arena.core.Schedule;
import arena.core.SequentialStrategy;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.WorkerFailedException;
import arena.core.kernel.Kernel;
import arena.core.kernel.ScalarKernel;
import arena.core.problem.Complex;
import arena.core.problem.JuliaParams;
import arena.core.testkit.InFlightKernel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the {@code executor} model does beyond the shared conformance suite: the pool's FIFO queue is
 * the dynamic hand-out, static owners keep their chunks, the pool size bounds the work in flight, and
 * the caller waits for every future.
 */
class ExecutorStrategyTest {

    private static final JuliaParams PROBLEM = JuliaParams.of(29, new Complex(-0.7, 0.27)).withNMax(60); // 30 rows

    private final ExecutorProvider provider = new ExecutorProvider();

    @ParameterizedTest
    @ValueSource(strings = {"dynamic:1", "dynamic:3", "guided:1"})
    void sharedChunks_areTakenInPlanOrder_byWhicheverPoolThreadIsFree(String spec) {
        Schedule schedule = Schedule.parse(spec);
        List<RowRange> plan = schedule.plan(PROBLEM.size(), 2).chunks();
        // The first chunk's thread stays busy until every other chunk is done: the one free thread
        // must then take all the others, one after the other, in the order the pool's queue holds them.
        RecordingKernel kernel = new RecordingKernel(plan.get(0), PROBLEM.size() - plan.get(0).rows());
        try (Strategy strategy = provider.open(StrategyConfig.threads(2))) {
            strategy.compute(PROBLEM, new Execution(schedule, kernel));
        }
        List<Band> bands = List.copyOf(kernel.bands);
        assertThat(bands).extracting(Band::rows).containsExactlyInAnyOrderElementsOf(plan);
        assertThat(bands).allSatisfy(band -> assertThat(band.thread()).startsWith("arena-executor-"));
        String busy = threadOf(bands, plan.get(0));
        List<Band> others = bands.stream().filter(band -> !band.rows().equals(plan.get(0))).toList();
        assertThat(others).extracting(Band::rows).containsExactlyElementsOf(plan.subList(1, plan.size()));
        assertThat(others).extracting(Band::thread).containsOnly(others.get(0).thread()).doesNotContain(busy);
    }

    @Test
    void staticChunks_stayWithTheirOwner_inOrder_oneTaskPerOwner() {
        RecordingKernel kernel = new RecordingKernel(null, 0);
        Schedule schedule = new Schedule.Static(2);
        try (Strategy strategy = provider.open(StrategyConfig.threads(3))) {
            strategy.compute(PROBLEM, new Execution(schedule, kernel));
        }
        List<RowRange> chunks = schedule.plan(PROBLEM.size(), 3).chunks();
        Map<String, List<RowRange>> byThread = kernel.bands.stream().collect(
                Collectors.groupingBy(Band::thread, Collectors.mapping(Band::rows, Collectors.toList())));
        List<List<RowRange>> owners = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            owners.add(schedule.plan(PROBLEM.size(), 3).chunksOf(w));
        }
        assertThat(byThread.keySet()).allMatch(name -> name.startsWith("arena-executor-")).hasSize(3);
        assertThat(byThread.values()).as("each thread computed one owner's chunks, in order")
                .containsExactlyInAnyOrderElementsOf(owners);
        assertThat(kernel.bands).hasSameSizeAs(chunks);
    }

    @Test
    void poolSize_boundsTheChunksInFlight_forEachThreadCount() {
        CountGrid expected = new SequentialStrategy(StrategyConfig.threads(1)).compute(PROBLEM, Execution.reference());
        for (int threads = 1; threads <= 4; threads++) {
            InFlightKernel kernel = new InFlightKernel(3);
            try (Strategy strategy = provider.open(StrategyConfig.threads(threads))) {
                CountGrid grid = strategy.compute(PROBLEM, new Execution(new Schedule.Dynamic(1), kernel));
                assertThat(CountGrid.difference(expected, grid)).isEmpty();
            }
            assertThat(kernel.maxInFlight()).as("most chunks in flight with %d threads", threads).isEqualTo(threads);
        }
    }

    @Test
    void workerFailure_reachesTheCallerAsTheVeryInstanceTheKernelThrew() {
        IllegalStateException thrown = new IllegalStateException("kernel broke");
        Kernel kernel = new Kernel() {
            @Override
            public String name() {
                return "throwing";
            }

            @Override
            public void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd) {
                if (rowStart <= 7 && 7 < rowEnd) {
                    throw thrown;
                }
                ScalarKernel.INSTANCE.computeRows(params, counts, rowStart, rowEnd);
            }
        };
        try (Strategy strategy = provider.open(StrategyConfig.threads(3))) {
            for (String spec : List.of("static", "static:1", "dynamic:1", "guided:2")) {
                assertThatThrownBy(() -> strategy.compute(PROBLEM, new Execution(Schedule.parse(spec), kernel)))
                        .as(spec)
                        .isInstanceOf(WorkerFailedException.class)
                        .cause()
                        .isSameAs(thrown);
            }
        }
    }

    @Test
    void interruptedCaller_cancelsTheJob_waitsForTheRunningChunk_andKeepsItsInterruptStatus() {
        SlowFirstRowKernel kernel = new SlowFirstRowKernel(Thread.currentThread());
        try (Strategy strategy = provider.open(StrategyConfig.threads(1))) {
            try {
                assertThatThrownBy(() -> strategy.compute(PROBLEM, new Execution(new Schedule.Dynamic(1), kernel)))
                        .isInstanceOf(CancellationException.class);
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
            assertThat(kernel.slowRowDoneBeforeReturn.get()).as("the running chunk ended before the call returned").isTrue();
            assertThat(kernel.rows.get()).as("chunks computed after the cancel").isLessThan(PROBLEM.size());
        }
    }

    @Test
    void computeAfterClose_isRefused_andLeavesNothingRunning() {
        ExecutorStrategy strategy = (ExecutorStrategy) provider.open(StrategyConfig.threads(2));
        strategy.compute(PROBLEM, Execution.of(new Schedule.Dynamic(1)));
        strategy.close();
        strategy.close();
        assertThat(strategy.isTerminated()).isTrue();
        assertThatThrownBy(() -> strategy.compute(PROBLEM, Execution.of(new Schedule.Dynamic(1))))
                .isInstanceOf(WorkerFailedException.class);
    }

    private static String threadOf(List<Band> bands, RowRange rows) {
        return bands.stream().filter(band -> band.rows().equals(rows)).findFirst().orElseThrow().thread();
    }

    private record Band(String thread, RowRange rows) {
    }

    /**
     * The scalar kernel, recording every band with its thread in the order the bands start; the band
     * {@code holdUntilOthersDone} waits (up to ten seconds) until {@code otherRows} other rows are done.
     */
    private static final class RecordingKernel implements Kernel {
        final ConcurrentLinkedQueue<Band> bands = new ConcurrentLinkedQueue<>();
        private final RowRange held;
        private final CountDownLatch othersDone;

        RecordingKernel(RowRange holdUntilOthersDone, int otherRows) {
            this.held = holdUntilOthersDone;
            this.othersDone = new CountDownLatch(otherRows);
        }

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd) {
            RowRange rows = new RowRange(rowStart, rowEnd);
            bands.add(new Band(Thread.currentThread().getName(), rows));
            ScalarKernel.INSTANCE.computeRows(params, counts, rowStart, rowEnd);
            if (rows.equals(held)) {
                await(othersDone);
            } else {
                for (int row = rowStart; row < rowEnd; row++) {
                    othersDone.countDown();
                }
            }
        }

        private static void await(CountDownLatch latch) {
            try {
                latch.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The scalar kernel; row 0 interrupts the caller when it starts, then takes 200 ms more, so the
     * caller is interrupted while that chunk is in flight. Counts the rows computed and whether row 0
     * had ended.
     */
    private static final class SlowFirstRowKernel implements Kernel {
        final AtomicInteger rows = new AtomicInteger();
        final AtomicBoolean slowRowDoneBeforeReturn = new AtomicBoolean();
        private final Thread caller;

        SlowFirstRowKernel(Thread caller) {
            this.caller = caller;
        }

        @Override
        public String name() {
            return "slow-first-row";
        }

        @Override
        public void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd) {
            ScalarKernel.INSTANCE.computeRows(params, counts, rowStart, rowEnd);
            rows.addAndGet(rowEnd - rowStart);
            if (rowStart == 0) {
                caller.interrupt();
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                slowRowDoneBeforeReturn.set(true);
            }
        }
    }
}
