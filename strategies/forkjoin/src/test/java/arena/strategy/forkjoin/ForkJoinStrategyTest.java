package arena.strategy.forkjoin;

import arena.core.Execution;
import arena.core.RowRange;
import arena.core.Schedule;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.WorkerFailedException;
import arena.core.kernel.Kernel;
import arena.core.kernel.ScalarKernel;
import arena.core.problem.Complex;
import arena.core.problem.JuliaParams;
import arena.core.testkit.FailingKernel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What is particular to the ForkJoin model: its own pool, the recursive split, the original failure. */
class ForkJoinStrategyTest {

    private final ForkJoinProvider provider = new ForkJoinProvider();

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8})
    void pool_hasTheRequestedParallelism(int threads) {
        try (ForkJoinStrategy strategy = (ForkJoinStrategy) provider.open(StrategyConfig.threads(threads))) {
            assertThat(strategy.parallelism()).isEqualTo(threads).isEqualTo(strategy.threads());
        }
    }

    @Test
    void splitSchedule_computesExactlyThePlansLeaves_stolenByOtherPoolThreads() {
        JuliaParams problem = JuliaParams.of(50, new Complex(-0.4, 0.6));
        Schedule.Split split = new Schedule.Split(3);
        int threads = 4;
        RecordingKernel kernel = new RecordingKernel();
        try (Strategy strategy = provider.open(StrategyConfig.threads(threads))) {
            strategy.compute(problem, new Execution(split, kernel));
        }
        List<RowRange> plan = split.plan(problem.size(), threads).chunks();
        assertThat(kernel.bands()).containsExactlyInAnyOrderElementsOf(plan);
        Map<String, RowRange> firstBandByThread = kernel.firstBandByThread();
        assertThat(firstBandByThread.keySet())
                .as("threads that computed a leaf")
                .allMatch(name -> name.startsWith("arena-forkjoin-"))
                .hasSizeBetween(2, threads);
        assertThat(firstBandByThread.values())
                .as("first leaves: a thief steals the oldest task, the right half of the whole grid")
                .anyMatch(band -> band.start() >= problem.size() / 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"static", "static:1", "dynamic:1", "guided:2", "split:1", "split:4"})
    void workerFailure_reachesTheCallerAsTheVeryInstanceTheKernelThrew(String spec) {
        // IllegalStateException has the (Throwable) constructor that ForkJoin uses to copy an exception
        // it rethrows in another thread; the caller must see the original, not such a copy.
        IllegalStateException thrown = new IllegalStateException("kernel broke");
        Kernel kernel = new ThrowingKernel(37, thrown);
        try (Strategy strategy = provider.open(StrategyConfig.threads(3))) {
            assertThatThrownBy(() -> strategy.compute(JuliaParams.of(60, new Complex(0.285, 0.01)),
                    new Execution(Schedule.parse(spec), kernel)))
                    .isInstanceOf(WorkerFailedException.class)
                    .cause()
                    .isSameAs(thrown);
        }
    }

    @Test
    void splitWorkerFailure_stopsTheOtherBandsPromptly() {
        JuliaParams problem = JuliaParams.seedCase().withResolution(400);
        FailingKernel failing = new FailingKernel(0);
        try (Strategy strategy = provider.open(StrategyConfig.threads(2))) {
            assertThatThrownBy(() -> strategy.compute(problem, new Execution(new Schedule.Split(1), failing)))
                    .isInstanceOf(WorkerFailedException.class);
        }
        assertThat(failing.rowsComputed()).isLessThan(problem.size() / 2);
    }

    @Test
    void fraction_isTheSequentialOne_forEveryThreadCount() {
        JuliaParams problem = JuliaParams.of(40, new Complex(-0.7, 0.27)).withNMax(150);
        for (int threads = 1; threads <= 8; threads++) {
            try (Strategy strategy = provider.open(StrategyConfig.threads(threads))) {
                var grid = strategy.compute(problem, Execution.of(new Schedule.Split(2)));
                assertThat(strategy.fraction(grid, problem.nMax()))
                        .as("%d threads", threads)
                        .isEqualTo((double) grid.countEqual(problem.nMax()) / grid.cellCount());
            }
        }
    }

    /**
     * The scalar kernel, recording every band and the thread that computed it. The first band waits
     * (up to ten seconds) until a second thread has started one, so that the others get to steal.
     */
    private static final class RecordingKernel implements Kernel {
        private record Band(String thread, RowRange rows) {
        }

        private final ConcurrentLinkedQueue<Band> bands = new ConcurrentLinkedQueue<>();
        private final Set<String> threads = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean firstCall = new AtomicBoolean(true);
        private final CountDownLatch secondThread = new CountDownLatch(1);

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd) {
            String thread = Thread.currentThread().getName();
            bands.add(new Band(thread, new RowRange(rowStart, rowEnd)));
            threads.add(thread);
            if (threads.size() >= 2) {
                secondThread.countDown();
            }
            if (firstCall.getAndSet(false)) {
                awaitSecondThread();
            }
            ScalarKernel.INSTANCE.computeRows(params, counts, rowStart, rowEnd);
        }

        private void awaitSecondThread() {
            try {
                secondThread.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        List<RowRange> bands() {
            List<RowRange> rows = new ArrayList<>();
            bands.forEach(band -> rows.add(band.rows()));
            return rows;
        }

        Map<String, RowRange> firstBandByThread() {
            Map<String, RowRange> first = new LinkedHashMap<>();
            bands.forEach(band -> first.putIfAbsent(band.thread(), band.rows()));
            return first;
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
}
