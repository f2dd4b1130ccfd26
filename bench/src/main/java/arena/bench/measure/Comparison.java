package arena.bench.measure;

import arena.core.CountGrid;
import arena.core.Execution;
import arena.core.Schedule;
import arena.core.SequentialStrategy;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.Timeline;
import arena.core.kernel.Kernel;
import arena.core.kernel.Kernels;
import java.util.ArrayList;
import java.util.List;

/**
 * Times configurations honestly: each kernel is warmed up before anything is timed; each
 * configuration is verified first (untimed; a wrong result is never timed), warmed up until its
 * timings are steady ({@link SteadyState}: a rule, not a count), then sampled at least
 * {@code repeat} times, and more while its timed samples took less than {@code budgetMs} (at most
 * {@code maxRepeat}). Only {@code compute} is inside the timed region; every sampled grid is checked
 * against the reference after its timing, and what else the JVM did during each sample (garbage
 * collections, JIT compilation: {@link SampleContext}) is recorded beside it. Used by one thread, the
 * command's.
 *
 * @param warmup    the fewest warm-up runs after the verification run: the steady-state rule's lower bound
 * @param repeat    the least number of samples
 * @param maxRepeat the most samples
 * @param budgetMs  how long sampling one configuration may go on beyond {@code repeat}
 */
public record Comparison(int warmup, int repeat, int maxRepeat, double budgetMs) {

    /** Grids each kernel computes before anything is timed: the JIT needs ten or more. */
    public static final int KERNEL_WARMUP_GRIDS = 12;

    /** Warms the JVM kernel {@code kernel} up on a small version of {@code reference}'s problem, single-threaded; a strategy's own (native) kernel is left alone. */
    public static void warmUpKernel(Kernel kernel, Reference reference) {
        if (!Kernels.runsInJava(kernel)) {
            return; // a strategy's own kernel (native code): no JIT to warm, and sequential cannot run it
        }
        var params = reference.params().withResolution(Math.min(reference.params().resolution(), 250));
        try (Strategy sequential = new SequentialStrategy(StrategyConfig.threads(1))) {
            for (int i = 0; i < KERNEL_WARMUP_GRIDS; i++) {
                sequential.compute(params, new Execution(new Schedule.Static(1), kernel));
            }
        }
    }

    /**
     * Verifies, warms up and samples {@code configuration} with the already opened {@code strategy}:
     * one series of runs after the verification run, cut by {@link SteadyState#standard} (with
     * {@code warmup} as its lower bound) into warm-up and timed samples. Sampling goes on until the
     * timed part has at least {@code repeat} samples and either took {@code budgetMs} or reached
     * {@code maxRepeat}; a series that never becomes steady is timed after the rule's maximum
     * warm-up and marked so.
     */
    public Measurement measure(Strategy strategy, Configuration configuration, Reference reference, double baselineMedian) {
        Verification verification = Verification.run(strategy, configuration, reference);
        if (!verification.identical()) {
            return new Measurement(verification, List.of(), baselineMedian);
        }
        Execution execution = new Execution(configuration.schedule(), configuration.kernel());
        SteadyState rule = SteadyState.standard(warmup);
        List<Double> series = new ArrayList<>();
        List<SampleContext> contexts = new ArrayList<>();
        Cut cut;
        do {
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
            series.add(millis);
            cut = cut(rule, series);
        } while (!cut.complete());
        List<Double> samples = List.copyOf(series.subList(cut.warmUp().samples(), series.size()));
        return new Measurement(verification, samples, Double.isNaN(baselineMedian) ? Stats.of(samples).median() : baselineMedian,
                null, List.of(), contexts.subList(cut.warmUp().samples(), series.size()), List.of(cut.warmUp()));
    }

    /** Where {@code series} splits into warm-up and timed samples so far, and whether sampling may stop there. */
    private Cut cut(SteadyState rule, List<Double> series) {
        int n = series.size();
        if (n < rule.minWarmup() + 2 * rule.window()) {
            return new Cut(new WarmUp(Math.min(n, rule.minWarmup()), false), false);
        }
        SteadyState.Result found = rule.of(series.stream().mapToDouble(Double::doubleValue).toArray());
        boolean steady = found.status() == SteadyState.Status.STEADY;
        int start = Math.min(n, steady ? found.warmup() : rule.maxWarmup());
        start = Math.max(start, n - maxRepeat);
        int timed = n - start;
        double spent = series.subList(start, n).stream().mapToDouble(Double::doubleValue).sum();
        boolean complete = timed >= repeat && (timed >= maxRepeat || spent >= budgetMs);
        return new Cut(new WarmUp(start, steady), complete);
    }

    /** A series' warm-up so far, and whether its timed part is complete. */
    private record Cut(WarmUp warmUp, boolean complete) {
    }

    /**
     * One extra run of {@code configuration} with the per-chunk recorder on, after its timed samples:
     * where the time went (imbalance, idle share, join cost). The recorded run is not a sample.
     */
    public static RecordedRun record(Strategy strategy, Configuration configuration, Reference reference) {
        Timeline timeline = new Timeline();
        long start = System.nanoTime();
        strategy.compute(reference.params(), new Execution(configuration.schedule(), configuration.kernel(), timeline));
        long end = System.nanoTime();
        return RecordedRun.of(timeline, start, end, configuration.threads());
    }
}
