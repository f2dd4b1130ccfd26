package arena.strategy.virtual;

import arena.core.CountGrid;
import arena.core.Execution;
import arena.core.Schedule;
import arena.core.SequentialStrategy;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.WorkerFailedException;
import arena.core.problem.Complex;
import arena.core.problem.JuliaParams;
import arena.core.testkit.FailingKernel;
import arena.core.testkit.SlowBandsKernel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the {@code virtual} model does beyond the shared conformance suite: the in-flight limit stands
 * in for a pool size, so one JVM can measure T = 1, 2, ... in turn on the same carrier pool.
 */
class VirtualStrategyTest {

    private static final JuliaParams PROBLEM = JuliaParams.of(47, new Complex(-0.7, 0.27)).withNMax(50);

    @Test
    void neverMoreThanThreadsChunksInFlight_forEachThreadCountInOneJvm() {
        CountGrid expected = new SequentialStrategy(StrategyConfig.threads(1)).compute(PROBLEM, Execution.reference());
        for (Schedule schedule : List.of(new Schedule.Dynamic(1), new Schedule.Guided(1), new Schedule.Static(1))) {
            for (int threads = 1; threads <= 4; threads++) {
                SlowBandsKernel kernel = new SlowBandsKernel(Duration.ofMillis(2));
                try (Strategy strategy = new VirtualStrategy(StrategyConfig.threads(threads))) {
                    CountGrid grid = strategy.compute(PROBLEM, new Execution(schedule, kernel));
                    assertThat(CountGrid.difference(expected, grid)).isEmpty();
                }
                assertThat(kernel.maxInFlight())
                        .as("most chunks in flight with %d threads, %s", threads, schedule.spec())
                        .isEqualTo(threads);
            }
        }
    }

    @Test
    void failure_stopsHandingOutChunks_andWaitsForTheOnesInFlight() {
        // rows of real work (about 0.1 ms each), so that a carrier thread the OS holds back for a
        // millisecond between the throw and the job's failure cannot let half the grid through
        JuliaParams problem = JuliaParams.of(400, new Complex(-0.7, 0.27)).withNMax(300);
        try (VirtualStrategy strategy = new VirtualStrategy(StrategyConfig.threads(3))) {
            FailingKernel failing = new FailingKernel(0);
            assertThatThrownBy(() -> strategy.compute(problem, new Execution(new Schedule.Dynamic(1), failing)))
                    .isInstanceOf(WorkerFailedException.class);
            assertThat(strategy.runningTasks()).isZero();
            assertThat(failing.rowsComputedAfterFailure()).as("rows started after the failing row threw").isLessThan(problem.size() / 2);
        }
    }

    @Test
    void computeAfterClose_isRefused() {
        VirtualStrategy strategy = new VirtualStrategy(StrategyConfig.threads(2));
        strategy.close();
        assertThat(strategy.isTerminated()).isTrue();
        assertThatThrownBy(() -> strategy.compute(PROBLEM, Execution.of(new Schedule.Dynamic(1))))
                .isInstanceOf(WorkerFailedException.class);
        assertThat(strategy.runningTasks()).isZero();
    }
}
