package arena.strategy.threads;

import arena.core.Execution;
import arena.core.Schedule;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.WorkerFailedException;
import arena.core.kernel.Kernel;
import arena.core.kernel.ScalarKernel;
import arena.core.problem.Complex;
import arena.core.problem.JuliaParams;
import arena.core.testkit.FailingKernel;
import arena.core.testkit.LiveThreads;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the {@code threads} model does beyond the shared conformance suite: who computes which rows. */
class ThreadsStrategyTest {

    private static final JuliaParams PROBLEM = JuliaParams.of(23, new Complex(-0.7, 0.27)).withNMax(100); // 24 rows

    @Test
    void staticChunks_areComputedByTheWorkerThatOwnsThem() {
        RecordingKernel kernel = new RecordingKernel(PROBLEM.size());
        try (Strategy strategy = new ThreadsStrategy(StrategyConfig.threads(3))) {
            strategy.compute(PROBLEM, new Execution(new Schedule.Static(1), kernel));
        }
        for (int row = 0; row < PROBLEM.size(); row++) {
            assertThat(kernel.threadOf(row)).as("row %d", row).isEqualTo(ThreadsStrategy.WORKER_PREFIX + row % 3);
        }
    }

    @Test
    void staticBlocks_goToDistinctWorkerThreads() {
        RecordingKernel kernel = new RecordingKernel(PROBLEM.size());
        try (Strategy strategy = new ThreadsStrategy(StrategyConfig.threads(4))) {
            strategy.compute(PROBLEM, new Execution(new Schedule.Static(0), kernel));
        }
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
        RecordingKernel kernel = new RecordingKernel(PROBLEM.size());
        try (Strategy strategy = new ThreadsStrategy(StrategyConfig.threads(3))) {
            strategy.compute(PROBLEM, new Execution(new Schedule.Dynamic(1), kernel));
        }
        for (int row = 0; row < PROBLEM.size(); row++) {
            assertThat(kernel.threadOf(row)).as("row %d", row).startsWith(ThreadsStrategy.WORKER_PREFIX);
        }
    }

    @Test
    void everyCall_joinsItsThreadsBeforeReturning_evenAfterAFailure() {
        try (Strategy strategy = new ThreadsStrategy(StrategyConfig.threads(5))) {
            strategy.compute(PROBLEM, Execution.of(new Schedule.Guided(1)));
            assertThat(LiveThreads.named("arena-threads")).isEmpty();

            assertThatThrownBy(() -> strategy.compute(PROBLEM, new Execution(new Schedule.Dynamic(1), new FailingKernel(3))))
                    .isInstanceOf(WorkerFailedException.class);
            assertThat(LiveThreads.named("arena-threads")).isEmpty();

            strategy.fraction(strategy.compute(PROBLEM, Execution.reference()), PROBLEM.nMax());
            assertThat(LiveThreads.named("arena-threads")).isEmpty();
        }
    }

    @Test
    void interruptedCaller_cancelsTheJob_joinsTheWorkers_andKeepsItsInterruptStatus() {
        try (Strategy strategy = new ThreadsStrategy(StrategyConfig.threads(2))) {
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> strategy.compute(PROBLEM, Execution.of(new Schedule.Dynamic(1))))
                        .isInstanceOf(CancellationException.class);
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
            assertThat(LiveThreads.named("arena-threads")).isEmpty();
        }
    }

    /** Computes like the scalar kernel and records, per row, the name of the thread that computed it. */
    private static final class RecordingKernel implements Kernel {
        private final AtomicReferenceArray<String> threadByRow;

        RecordingKernel(int rows) {
            threadByRow = new AtomicReferenceArray<>(rows);
        }

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd) {
            ScalarKernel.INSTANCE.computeRows(params, counts, rowStart, rowEnd);
            for (int row = rowStart; row < rowEnd; row++) {
                threadByRow.set(row, Thread.currentThread().getName());
            }
        }

        String threadOf(int row) {
            return threadByRow.get(row);
        }
    }
}
