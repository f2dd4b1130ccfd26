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
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Times configurations honestly: each kernel is warmed up before anything is timed; each
 * configuration is verified first (untimed; a wrong result is never timed), warmed up until its
 * timings are steady ({@link SteadyState}: a rule, not a count), then sampled at least
 * {@code repeat} times, and more while its timed samples took less than {@code budgetMs} (at most
 * {@code maxRepeat}). Only {@code compute} is inside the timed region; every sampled grid is checked
 * against the reference after its timing, and what else the JVM did during each sample (garbage
 * collections, JIT compilation: {@link SampleContext}) is recorded beside it. The configurations of
 * one kernel are measured in rounds, one run of each per round ({@link #measureInRounds}), so that
 * what the machine does meanwhile falls on all of them alike. Used by one thread, the command's.
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
        if (Kernels.providers().stream().noneMatch(p -> p.name().equals(kernel.name()))) {
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
        Series series = new Series(strategy, configuration, reference);
        while (!series.done()) {
            series.sample();
        }
        return series.result(baselineMedian);
    }

    /**
     * Measures one kernel's {@code baseline} and its other {@code configurations} in rounds: each is
     * verified first, in the given order, then every round takes one run of each configuration whose
     * series is not yet complete (the same rule as {@link #measure}, each series cut on its own), the
     * rounds alternately in the given order and in reverse (ABBA: a configuration's place in a round
     * weighs on none).
     * A slowdown of the machine that lasts longer than a round (another process, a hypervisor taking the
     * CPU, a frequency change) thus falls on every configuration's samples alike instead of on the one
     * being measured at the time, so the medians, and above all their ratios to the baseline, stay put.
     *
     * @param configurations the kernel's configurations, {@code baseline} among them
     * @param strategies     the strategy opened for each configuration (kept open over all the rounds)
     * @param step           hears each configuration's label before it is verified
     * @return one measurement per configuration, in the order of {@code configurations}; each
     *         configuration but the baseline has the baseline's median as its speed-up's numerator
     */
    public List<Measurement> measureInRounds(List<Configuration> configurations, Configuration baseline,
                                             Function<Configuration, Strategy> strategies, Reference reference,
                                             Consumer<String> step) {
        List<Series> all = new ArrayList<>();
        for (Configuration configuration : configurations) {
            step.accept(configuration.label());
            all.add(new Series(strategies.apply(configuration), configuration, reference));
        }
        List<Series> running = new ArrayList<>(all.stream().filter(s -> !s.done()).toList());
        for (boolean forward = true; !running.isEmpty(); forward = !forward) {
            List<Series> round = new ArrayList<>(running);
            if (!forward) {
                Collections.reverse(round);
            }
            for (Series series : round) {
                series.sample();
                if (series.done()) {
                    running.remove(series);
                }
            }
        }
        Measurement base = all.stream().filter(s -> s.configuration.equals(baseline)).findFirst()
                .map(s -> s.result(Double.NaN)).orElse(null);
        double baselineMedian = base != null && base.identical() ? base.stats().median() : Double.NaN;
        return all.stream().map(s -> s.configuration.equals(baseline) ? base : s.result(baselineMedian)).toList();
    }

    /**
     * One configuration's series in progress: verified when made, then one timed run per
     * {@link #sample()} until {@link #done()}: complete by the sampling rule, or stopped by a wrong
     * result. Used by one thread.
     */
    private final class Series {

        private final Strategy strategy;
        private final Configuration configuration;
        private final Reference reference;
        private final Execution execution;
        private final SteadyState rule = SteadyState.standard(warmup);
        private final List<Double> runs = new ArrayList<>();
        private final List<SampleContext> contexts = new ArrayList<>();
        private Verification verification;
        private Cut cut = new Cut(new WarmUp(0, false), false);

        Series(Strategy strategy, Configuration configuration, Reference reference) {
            this.strategy = strategy;
            this.configuration = configuration;
            this.reference = reference;
            this.execution = new Execution(configuration.schedule(), configuration.kernel());
            this.verification = Verification.run(strategy, configuration, reference);
        }

        /** Whether sampling is over: the timed part is complete, or a result was wrong (nothing timed). */
        boolean done() {
            return !verification.identical() || cut.complete();
        }

        /** Times one more run, checks its grid after the timing, and cuts the series again. */
        void sample() {
            SampleContext.Reading before = SampleContext.begin();
            long start = System.nanoTime();
            CountGrid grid = strategy.compute(reference.params(), execution);
            double millis = (System.nanoTime() - start) / 1e6;
            SampleContext context = before.end();
            var difference = CountGrid.difference(reference.grid(), grid);
            if (difference.isPresent()) {
                verification = new Verification(configuration, reference, grid.sha256(), verification.fraction(),
                        difference, verification.fractionIdentical());
                return;
            }
            runs.add(millis);
            contexts.add(context);
            cut = cut(rule, runs);
        }

        /** The measurement: the timed samples after the warm-up, or none when a result was wrong. */
        Measurement result(double baselineMedian) {
            if (!verification.identical()) {
                return new Measurement(verification, List.of(), baselineMedian);
            }
            int warm = cut.warmUp().samples();
            List<Double> samples = List.copyOf(runs.subList(warm, runs.size()));
            return new Measurement(verification, samples, Double.isNaN(baselineMedian) ? Stats.of(samples).median() : baselineMedian,
                    null, List.of(), contexts.subList(warm, runs.size()), List.of(cut.warmUp()));
        }
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
