package arena.bench.measure;

import arena.core.kernel.Kernel;
import arena.core.problem.JuliaParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code compare --forks N}: measures each unit (one strategy's configurations, with the
 * {@code sequential} baseline of each kernel) in {@code forks} fresh child JVMs, in the
 * {@link ForkOrder} of {@code order}, and pools what the children report into the same
 * {@link Measurement}s an in-process run makes, every sample kept with its fork and every fork's
 * warm-up recorded. Each child verifies before it times, as in-process; a result that differs in
 * any fork is the configuration's result. The baseline is measured in every fork of every unit; its
 * row pools all of them, while each configuration's speed-up divides the baseline's median in that
 * configuration's own forks by the configuration's median, so that both come from the same JVMs. Used by
 * one thread, the command's.
 *
 * @param run   starts the children
 * @param forks forks per unit, at least 1
 * @param order the order in which the forks run
 */
public record ForkedComparison(ForkedRun run, int forks, ForkOrder order) {

    /** @throws IllegalArgumentException when {@code forks < 1} */
    public ForkedComparison {
        if (forks < 1) {
            throw new IllegalArgumentException("forks must be at least 1, got " + forks);
        }
    }

    /**
     * Measures {@code configurations} on every problem.
     *
     * @param baselineOf  the {@code sequential} baseline of a kernel
     * @param argumentsOf the child's command line for a fork of a unit (forward or reversed, {@link ForkOrder.Slot#reversed})
     * @param step        hears each fork's label before it starts
     * @return one list per problem, in the order of {@code problems}: each kernel's baseline, then its configurations
     * @throws ForkFailedException when a child fails or does not report a configuration
     */
    public List<List<Measurement>> measure(List<JuliaParams> problems, List<Configuration> configurations,
                                           Function<Kernel, Configuration> baselineOf, Function<ForkOrder.Slot, List<String>> argumentsOf,
                                           Consumer<String> step) {
        Set<String> units = new LinkedHashSet<>();
        configurations.forEach(c -> units.add(c.strategy()));
        Pool pool = new Pool(new LinkedHashMap<>(), new LinkedHashMap<>());
        int child = 0;
        for (ForkOrder.Slot slot : order.of(List.copyOf(units), forks)) {
            step.accept(slot.unit() + " fork " + (slot.index() + 1) + "/" + forks);
            int fork = child++;
            for (ForkLine line : run.run(slot.unit(), argumentsOf.apply(slot), fork)) {
                pool.add(line, fork);
            }
        }
        Set<Kernel> kernels = new LinkedHashSet<>();
        configurations.forEach(c -> kernels.add(c.kernel()));
        List<List<Measurement>> byProblem = new ArrayList<>();
        for (int p = 0; p < problems.size(); p++) {
            Reference reference = Reference.of(problems.get(p));
            List<Measurement> forProblem = new ArrayList<>();
            for (Kernel kernel : kernels) {
                Configuration baseline = baselineOf.apply(kernel);
                Measurement base = pool.measurement(p, baseline, reference, Double.NaN);
                forProblem.add(base);
                double baselineMedian = base.identical() ? base.stats().median() : Double.NaN;
                for (Configuration configuration : configurations) {
                    if (configuration.kernel().equals(kernel) && !configuration.equals(baseline)) {
                        forProblem.add(pool.measurement(p, configuration, reference, pool.sameForks(p, baseline, configuration, baselineMedian)));
                    }
                }
            }
            byProblem.add(forProblem);
        }
        return byProblem;
    }

    /** What the children reported, per configuration key ({@code "problem label"}). */
    private record Pool(Map<String, ForkLine> shown, Map<String, Pooled> pooled) {

        void add(ForkLine line, int fork) {
            String key = line.problem() + " " + line.label();
            ForkLine first = shown.putIfAbsent(key, line);
            if (first != null && (!first.sha256().equals(line.sha256()) || line.samplesMs().isEmpty())) {
                shown.put(key, line);
            }
            pooled.computeIfAbsent(key, k -> new Pooled(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>()))
                    .add(line, fork);
        }

        /**
         * The baseline's median in the forks that measured {@code configuration} (the median of its
         * medians there): the speed-up then compares two timings from the same child JVMs, whose
         * JVM-to-JVM and machine drift they share; {@code fallback} when those forks have no baseline sample.
         */
        double sameForks(int problem, Configuration baseline, Configuration configuration, double fallback) {
            Pooled base = pooled.get(problem + " " + baseline.label());
            Pooled own = pooled.get(problem + " " + configuration.label());
            if (Double.isNaN(fallback) || base == null || own == null) {
                return fallback;
            }
            Set<Integer> forks = Set.copyOf(own.forks());
            List<Double> samples = new ArrayList<>();
            List<Integer> sampleForks = new ArrayList<>();
            for (int i = 0; i < base.samples().size(); i++) {
                if (forks.contains(base.forks().get(i))) {
                    samples.add(base.samples().get(i));
                    sampleForks.add(base.forks().get(i));
                }
            }
            return samples.isEmpty() ? fallback : HierarchicalBootstrap.medianOfForks(ForkSamples.split(samples, sampleForks));
        }

        Measurement measurement(int problem, Configuration configuration, Reference reference, double baselineMedian) {
            String key = problem + " " + configuration.label();
            ForkLine line = shown.get(key);
            if (line == null) {
                throw new ForkFailedException(configuration.strategy(), "did not report " + configuration.label());
            }
            Verification verification = line.verification(configuration, reference);
            if (!verification.identical() || line.samplesMs().isEmpty()) {
                return new Measurement(verification, List.of(), baselineMedian);
            }
            Pooled all = pooled.get(key);
            double baseline = Double.isNaN(baselineMedian)
                    ? HierarchicalBootstrap.medianOfForks(ForkSamples.split(all.samples(), all.forks())) : baselineMedian;
            return new Measurement(verification, all.samples(), baseline, all.recorded(), all.forks(), all.contexts(), all.warmUps());
        }
    }

    /** Every fork's samples of one configuration, with the fork, context and warm-up of each. */
    private record Pooled(List<Double> samples, List<Integer> forks, List<SampleContext> contexts, List<WarmUp> warmUps,
                          List<ForkLine> recordedLines) {

        void add(ForkLine line, int fork) {
            samples.addAll(line.samplesMs());
            line.samplesMs().forEach(sample -> forks.add(fork));
            contexts.addAll(line.contexts());
            if (line.warmUp() != null) {
                warmUps.add(line.warmUp());
            }
            if (line.recorded() != null) {
                recordedLines.add(line);
            }
        }

        /** The first fork's recorded run, or null. */
        RecordedRun recorded() {
            return recordedLines.isEmpty() ? null : recordedLines.get(0).recorded();
        }
    }
}
