package arena.strategy.streams;

import arena.core.CountGrid;
import arena.core.Execution;
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
import arena.core.testkit.ThreadRecordingKernel;
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
 * the stream's elements, and a failure stops the other elements promptly wherever the stream starts.
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
        ThreadRecordingKernel kernel = new ThreadRecordingKernel();
        try (Strategy strategy = open(4)) {
            CountGrid grid = strategy.compute(PROBLEM, new Execution(split, kernel));
            assertThat(CountGrid.difference(sequential(PROBLEM), grid)).isEmpty();
        }
        assertThat(kernel.rows()).containsExactlyInAnyOrderElementsOf(split.plan(PROBLEM.size(), 4).chunks());
        assertThat(kernel.threads()).allMatch(name -> name.startsWith("arena-streams-"));
    }

    @Test
    void staticSchedule_computesEachWorkersChunks_onThePoolsOwnThreads() {
        ThreadRecordingKernel kernel = new ThreadRecordingKernel();
        try (Strategy strategy = open(3)) {
            CountGrid grid = strategy.compute(PROBLEM, new Execution(new Schedule.Static(2), kernel));
            assertThat(CountGrid.difference(sequential(PROBLEM), grid)).isEmpty();
        }
        assertThat(kernel.rows())
                .containsExactlyInAnyOrderElementsOf(new Schedule.Static(2).plan(PROBLEM.size(), 3).chunks());
        assertThat(kernel.threads()).allMatch(name -> name.startsWith("arena-streams-"));
    }

    @Test
    void splitFailure_stopsTheOtherElementsPromptly_whereverTheStreamStarts() {
        JuliaParams problem = JuliaParams.chapterCase().withResolution(400);
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

    private StreamsStrategy open(int threads) {
        return (StreamsStrategy) provider.open(StrategyConfig.threads(threads));
    }

    private static CountGrid sequential(JuliaParams problem) {
        return new SequentialStrategy(StrategyConfig.threads(1)).compute(problem, Execution.reference());
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
}
