package arena.strategy.threads;

import arena.core.Execution;
import arena.core.Schedule;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.WorkerFailedException;
import arena.core.problem.Complex;
import arena.core.problem.JuliaParams;
import arena.core.testkit.FailingKernel;
import arena.core.testkit.LiveThreads;
import arena.core.testkit.ThreadRecordingKernel;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the {@code threads} model does beyond the shared conformance suite: who computes which rows. */
class ThreadsStrategyTest {

    private static final JuliaParams PROBLEM = JuliaParams.of(23, new Complex(-0.7, 0.27)).withNMax(100); // 24 rows

    @Test
    void staticChunks_areComputedByTheWorkerThatOwnsThem() {
        ThreadRecordingKernel kernel = computeRecordingThreads(3, new Schedule.Static(1));
        for (int row = 0; row < PROBLEM.size(); row++) {
            assertThat(kernel.threadOf(row)).as("row %d", row).isEqualTo(ThreadsStrategy.WORKER_PREFIX + row % 3);
        }
    }

    @Test
    void staticBlocks_goToDistinctWorkerThreads() {
        ThreadRecordingKernel kernel = computeRecordingThreads(4, new Schedule.Static(0));
        Set<String> names = new HashSet<>();
        for (int block = 0; block < 4; block++) {
            names.add(kernel.threadOf(block * 6));
            for (int row = block * 6; row < block * 6 + 6; row++) {
                assertThat(kernel.threadOf(row)).as("row %d", row).isEqualTo(ThreadsStrategy.WORKER_PREFIX + block);
            }
        }
        assertThat(names).hasSize(4);
    }

    @Test
    void dynamicChunks_areAllComputedByWorkerThreads_neverByTheCaller() {
        ThreadRecordingKernel kernel = computeRecordingThreads(3, new Schedule.Dynamic(1));
        for (int row = 0; row < PROBLEM.size(); row++) {
            assertThat(kernel.threadOf(row)).as("row %d", row).startsWith(ThreadsStrategy.WORKER_PREFIX);
        }
    }

    @Test
    void everyCall_joinsItsThreadsBeforeReturning_evenAfterAFailureOrAnInterrupt() {
        try (Strategy strategy = new ThreadsStrategy(StrategyConfig.threads(5))) {
            strategy.compute(PROBLEM, Execution.of(new Schedule.Guided(1)));
            assertThat(LiveThreads.named("arena-threads")).isEmpty();

            assertThatThrownBy(() -> strategy.compute(PROBLEM, new Execution(new Schedule.Dynamic(1), new FailingKernel(3))))
                    .isInstanceOf(WorkerFailedException.class);
            assertThat(LiveThreads.named("arena-threads")).isEmpty();

            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> strategy.compute(PROBLEM, Execution.of(new Schedule.Dynamic(1))))
                    .isInstanceOf(CancellationException.class);
            assertThat(Thread.interrupted()).as("the caller's interrupt flag").isTrue();
            assertThat(LiveThreads.named("arena-threads")).isEmpty();

            strategy.fraction(strategy.compute(PROBLEM, Execution.reference()), PROBLEM.nMax());
            assertThat(LiveThreads.named("arena-threads")).isEmpty();
        }
    }

    /** Computes {@link #PROBLEM} with {@code threads} workers and {@code schedule}; returns who computed what. */
    private static ThreadRecordingKernel computeRecordingThreads(int threads, Schedule schedule) {
        ThreadRecordingKernel kernel = new ThreadRecordingKernel();
        try (Strategy strategy = new ThreadsStrategy(StrategyConfig.threads(threads))) {
            strategy.compute(PROBLEM, new Execution(schedule, kernel));
        }
        return kernel;
    }
}
