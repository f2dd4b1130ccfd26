package arena.strategy.executor;

import arena.core.CountGrid;
import arena.core.Execution;
import arena.core.RowRange;
import arena.core.Schedule;
import arena.core.SequentialStrategy;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.problem.Complex;
import arena.core.problem.JuliaParams;
import arena.core.testkit.SlowBandsKernel;
import arena.core.testkit.ThreadRecordingKernel;
import arena.core.testkit.ThreadRecordingKernel.Band;
import arena.core.testkit.Waits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the {@code executor} model does beyond the shared conformance suite: the pool's FIFO queue is
 * the dynamic hand-out, static owners keep their chunks, the pool size bounds the work in flight, and
 * a closed strategy's pool has terminated.
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
        HoldingKernel kernel = new HoldingKernel(plan.get(0), PROBLEM.size() - plan.get(0).rows());
        try (Strategy strategy = provider.open(StrategyConfig.threads(2))) {
            strategy.compute(PROBLEM, new Execution(schedule, kernel));
        }
        List<Band> bands = kernel.bands();
        assertThat(bands).extracting(Band::rows).containsExactlyInAnyOrderElementsOf(plan);
        assertThat(bands).allSatisfy(band -> assertThat(band.thread()).startsWith("arena-executor-"));
        String busy = threadOf(bands, plan.get(0));
        List<Band> others = bands.stream().filter(band -> !band.rows().equals(plan.get(0))).toList();
        assertThat(others).extracting(Band::rows).containsExactlyElementsOf(plan.subList(1, plan.size()));
        assertThat(others).extracting(Band::thread).containsOnly(others.get(0).thread()).doesNotContain(busy);
    }

    @Test
    void staticChunks_stayWithTheirOwner_inOrder_oneTaskPerOwner() {
        HoldingKernel kernel = new HoldingKernel(null, 0);
        Schedule schedule = new Schedule.Static(2);
        try (Strategy strategy = provider.open(StrategyConfig.threads(3))) {
            strategy.compute(PROBLEM, new Execution(schedule, kernel));
        }
        List<RowRange> chunks = schedule.plan(PROBLEM.size(), 3).chunks();
        Map<String, List<RowRange>> byThread = kernel.bands().stream().collect(
                Collectors.groupingBy(Band::thread, Collectors.mapping(Band::rows, Collectors.toList())));
        List<List<RowRange>> owners = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            owners.add(schedule.plan(PROBLEM.size(), 3).chunksOf(w));
        }
        assertThat(byThread.keySet()).allMatch(name -> name.startsWith("arena-executor-")).hasSize(3);
        assertThat(byThread.values()).as("each thread computed one owner's chunks, in order")
                .containsExactlyInAnyOrderElementsOf(owners);
        assertThat(kernel.bands()).hasSameSizeAs(chunks);
    }

    @Test
    void poolSize_boundsTheChunksInFlight_forEachThreadCount() {
        CountGrid expected = new SequentialStrategy(StrategyConfig.threads(1)).compute(PROBLEM, Execution.reference());
        for (int threads = 1; threads <= 4; threads++) {
            SlowBandsKernel kernel = new SlowBandsKernel(Duration.ofMillis(3));
            ExecutorStrategy strategy = (ExecutorStrategy) provider.open(StrategyConfig.threads(threads));
            try (strategy) {
                CountGrid grid = strategy.compute(PROBLEM, new Execution(new Schedule.Dynamic(1), kernel));
                assertThat(CountGrid.difference(expected, grid)).isEmpty();
            }
            assertThat(strategy.isTerminated()).as("the pool of a closed strategy").isTrue();
            assertThat(kernel.maxInFlight()).as("most chunks in flight with %d threads", threads).isEqualTo(threads);
        }
    }

    private static String threadOf(List<Band> bands, RowRange rows) {
        return bands.stream().filter(band -> band.rows().equals(rows)).findFirst().orElseThrow().thread();
    }

    /**
     * Records every band with its thread; the band {@code holdUntilOthersDone} waits (up to ten
     * seconds) until {@code otherRows} other rows are done.
     */
    private static final class HoldingKernel extends ThreadRecordingKernel {
        private final RowRange held;
        private final CountDownLatch othersDone;

        HoldingKernel(RowRange holdUntilOthersDone, int otherRows) {
            this.held = holdUntilOthersDone;
            this.othersDone = new CountDownLatch(otherRows);
        }

        @Override
        protected void afterBand(int rowStart, int rowEnd) {
            if (new RowRange(rowStart, rowEnd).equals(held)) {
                Waits.awaitUninterruptibly(othersDone, Duration.ofSeconds(10));
            } else {
                for (int row = rowStart; row < rowEnd; row++) {
                    othersDone.countDown();
                }
            }
        }
    }
}
