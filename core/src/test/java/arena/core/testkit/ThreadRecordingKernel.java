package arena.core.testkit;

import arena.core.ChunkPlan;
import arena.core.CountGrid;
import arena.core.Execution;
import arena.core.RowRange;
import arena.core.Schedule;
import arena.core.SequentialStrategy;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.kernel.ScalarKernel;
import arena.core.problem.JuliaParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test hook: computes like the scalar kernel and records every band it is given with the name of
 * the thread that computed it, in the order the bands started, so a test can check who computed
 * which rows. Subclasses may hold a band back by overriding {@link #beforeBand}. Thread-safe.
 */
public class ThreadRecordingKernel extends TestKernel {

    /** One band as the kernel received it. */
    public record Band(String thread, RowRange rows) {
    }

    private final ConcurrentLinkedQueue<Band> bands = new ConcurrentLinkedQueue<>();

    /** A kernel that records every band it computes. */
    public ThreadRecordingKernel() {
        super("thread-recording");
    }

    @Override
    public void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd) {
        bands.add(new Band(Thread.currentThread().getName(), new RowRange(rowStart, rowEnd)));
        beforeBand(rowStart, rowEnd);
        ScalarKernel.INSTANCE.computeRows(params, counts, rowStart, rowEnd);
        afterBand(rowStart, rowEnd);
    }

    /** Called on the computing thread after the band is recorded and before it is computed; does nothing here. */
    protected void beforeBand(int rowStart, int rowEnd) {
    }

    /** Called on the computing thread after the band is computed; does nothing here. */
    protected void afterBand(int rowStart, int rowEnd) {
    }

    /** Every band received so far, in the order they started. */
    public List<Band> bands() {
        return List.copyOf(bands);
    }

    /** The row ranges received so far, in the order they started. */
    public List<RowRange> rows() {
        return bands.stream().map(Band::rows).toList();
    }

    /** The name of the thread that computed {@code row}, or null if none has. */
    public String threadOf(int row) {
        return bands.stream().filter(band -> band.rows().start() <= row && row < band.rows().end())
                .map(Band::thread).findFirst().orElse(null);
    }

    /** The names of the threads that computed any of {@code rows}. */
    public Set<String> threadsOf(IntStream rows) {
        Set<String> threads = new LinkedHashSet<>();
        rows.forEach(row -> threads.add(threadOf(row)));
        return threads;
    }

    /**
     * For each of {@code workers} workers, the names of the threads that computed the chunks
     * {@code plan} pre-assigns to it.
     */
    public List<Set<String>> threadsByWorker(ChunkPlan plan, int workers) {
        List<Set<String>> byWorker = new ArrayList<>();
        for (int worker = 0; worker < workers; worker++) {
            byWorker.add(threadsOf(plan.chunksOf(worker).stream().flatMapToInt(rows -> IntStream.range(rows.start(), rows.end()))));
        }
        return byWorker;
    }

    /**
     * Computes {@code problem} with {@code strategy} under {@code static:1}, asserts that the grid is
     * the sequential one, and returns, for each of the strategy's workers, the names of the threads
     * that computed the rows the plan pre-assigns to it.
     */
    public static List<Set<String>> threadsByWorkerUnderStatic(Strategy strategy, JuliaParams problem) {
        ThreadRecordingKernel kernel = new ThreadRecordingKernel();
        Schedule schedule = new Schedule.Static(1);
        CountGrid grid = strategy.compute(problem, new Execution(schedule, kernel));
        CountGrid expected = new SequentialStrategy(StrategyConfig.threads(1)).compute(problem, Execution.reference());
        assertThat(CountGrid.difference(expected, grid)).as("%s under %s", strategy.name(), schedule.spec()).isEmpty();
        return kernel.threadsByWorker(schedule.plan(problem.size(), strategy.threads()), strategy.threads());
    }

    /** The names of every thread that computed a band. */
    public Set<String> threads() {
        Set<String> threads = new LinkedHashSet<>();
        bands.forEach(band -> threads.add(band.thread()));
        return threads;
    }

    /** Each thread's first band, threads in the order of their first band. */
    public Map<String, RowRange> firstBandByThread() {
        Map<String, RowRange> first = new LinkedHashMap<>();
        bands.forEach(band -> first.putIfAbsent(band.thread(), band.rows()));
        return first;
    }
}
