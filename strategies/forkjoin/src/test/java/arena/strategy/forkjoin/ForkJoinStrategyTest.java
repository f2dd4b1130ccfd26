package arena.strategy.forkjoin;

import arena.core.Execution;
import arena.core.RowRange;
import arena.core.Schedule;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.WorkerFailedException;
import arena.core.problem.Complex;
import arena.core.problem.JuliaParams;
import arena.core.testkit.FailingKernel;
import arena.core.testkit.ThreadRecordingKernel;
import arena.core.testkit.Waits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What is particular to the ForkJoin model: its own pool, the recursive split, a failure stopping the split promptly. */
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
        FirstBandAwaitsASecondThread kernel = new FirstBandAwaitsASecondThread();
        try (Strategy strategy = provider.open(StrategyConfig.threads(threads))) {
            strategy.compute(problem, new Execution(split, kernel));
        }
        List<RowRange> plan = split.plan(problem.size(), threads).chunks();
        assertThat(kernel.rows()).containsExactlyInAnyOrderElementsOf(plan);
        Map<String, RowRange> firstBandByThread = kernel.firstBandByThread();
        assertThat(firstBandByThread.keySet())
                .as("threads that computed a leaf")
                .allMatch(name -> name.startsWith("arena-forkjoin-"))
                .hasSizeBetween(2, threads);
        assertThat(firstBandByThread.values())
                .as("first leaves: a thief steals the oldest task, the right half of the whole grid")
                .anyMatch(band -> band.start() >= problem.size() / 2);
    }

    @Test
    void splitWorkerFailure_stopsTheOtherBandsPromptly() {
        JuliaParams problem = JuliaParams.chapterCase().withResolution(400);
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
     * Records every band and the thread that computed it. The first band waits (up to ten seconds)
     * until a second thread has started one, so that the others get to steal.
     */
    private static final class FirstBandAwaitsASecondThread extends ThreadRecordingKernel {
        private final AtomicBoolean firstCall = new AtomicBoolean(true);
        private final CountDownLatch secondThread = new CountDownLatch(1);

        @Override
        protected void beforeBand(int rowStart, int rowEnd) {
            if (threads().size() >= 2) {
                secondThread.countDown();
            }
            if (firstCall.getAndSet(false)) {
                Waits.awaitUninterruptibly(secondThread, Duration.ofSeconds(10));
            }
        }
    }
}
