package arena.bench.measure;

import arena.core.CountGrid;
import arena.core.Execution;
import arena.core.Schedule;
import arena.core.SequentialStrategy;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.Timeline;
import arena.core.kernel.Kernel;
import java.util.ArrayList;
import java.util.List;

/**
 * Times configurations honestly: each kernel is warmed up before anything is timed; each
 * configuration is verified first (untimed; a wrong result is never timed), warmed up, then sampled
 * at least {@code repeat} times, and more while its samples took less than {@code budgetMs} (at most
 * {@code maxRepeat}). Only {@code compute} is inside the timed region; every sampled grid is checked
 * against the reference after its timing, and what else the JVM did during each sample (garbage
 * collections, JIT compilation: {@link SampleContext}) is recorded beside it. Used by one thread, the
 * command's.
 *
 * @param warmup    untimed runs after the verification run
 * @param repeat    the least number of samples
 * @param maxRepeat the most samples
 * @param budgetMs  how long sampling one configuration may go on beyond {@code repeat}
 */
public record Comparison(int warmup, int repeat, int maxRepeat, double budgetMs) {

    /** Grids each kernel computes before anything is timed: the JIT needs ten or more. */
    public static final int KERNEL_WARMUP_GRIDS = 12;

    /** Warms {@code kernel} up on a small version of {@code reference}'s problem, single-threaded. */
    public static void warmUpKernel(Kernel kernel, Reference reference) {
        var params = reference.params().withResolution(Math.min(reference.params().resolution(), 250));
        try (Strategy sequential = new SequentialStrategy(StrategyConfig.threads(1))) {
            for (int i = 0; i < KERNEL_WARMUP_GRIDS; i++) {
                sequential.compute(params, new Execution(new Schedule.Static(1), kernel));
            }
        }
    }

    /** Verifies, warms up and samples {@code configuration} with the already opened {@code strategy}. */
    public Measurement measure(Strategy strategy, Configuration configuration, Reference reference, double baselineMedian) {
        Verification verification = Verification.run(strategy, configuration, reference);
        if (!verification.identical()) {
            return new Measurement(verification, List.of(), baselineMedian);
        }
        Execution execution = new Execution(configuration.schedule(), configuration.kernel());
        for (int i = 0; i < warmup; i++) {
            strategy.compute(reference.params(), execution);
        }
        List<Double> samples = new ArrayList<>();
        List<SampleContext> contexts = new ArrayList<>();
        double spent = 0;
        while (samples.size() < repeat || (spent < budgetMs && samples.size() < maxRepeat)) {
            SampleContext.Reading before = SampleContext.begin();
            long start = System.nanoTime();
            CountGrid grid = strategy.compute(reference.params(), execution);
            double millis = (System.nanoTime() - start) / 1e6;
            contexts.add(before.end());
            var difference = CountGrid.difference(reference.grid(), grid);
            if (difference.isPresent()) {
                Verification wrong = new Verification(configuration, reference, grid.sha256(), verification.fraction(),
                        difference, verification.fractionIdentical());
                return new Measurement(wrong, List.of(), baselineMedian);
            }
            samples.add(millis);
            spent += millis;
        }
        return new Measurement(verification, samples, Double.isNaN(baselineMedian) ? Stats.of(samples).median() : baselineMedian,
                null, List.of(), contexts);
    }

    /**
     * One extra run of {@code configuration} with the per-chunk recorder on, after its timed samples:
     * where the time went (imbalance, idle share, join cost). The recorded run is not a sample.
     */
    public static Timeline.Summary record(Strategy strategy, Configuration configuration, Reference reference) {
        Timeline timeline = new Timeline();
        long start = System.nanoTime();
        strategy.compute(reference.params(), new Execution(configuration.schedule(), configuration.kernel(), timeline));
        long end = System.nanoTime();
        return timeline.summary(start, end, configuration.threads());
    }
}
