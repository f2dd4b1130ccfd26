package arena.bench.report;

import arena.bench.measure.Bootstrap;
import arena.bench.measure.FamilyWise;
import arena.bench.measure.ForkSpread;
import arena.bench.measure.HierarchicalBootstrap;
import arena.bench.report.Diff.Verdict;
import arena.bench.report.JmhResultsFile.Benchmark;
import arena.core.input.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two JMH result files set side by side, as {@link Diff} sets two results.json files: every
 * benchmark and parameter set both ran, with both scores (the medians of the forks' medians), a
 * time-like ratio with its hierarchical bootstrap interval over JMH's forks (then the iterations
 * within each) and a {@link Verdict}. The ratio is always "bigger is slower": for time modes
 * ({@code avgt}, {@code sample}, {@code ss}) it is current / baseline, for throughput ({@code thrpt})
 * baseline / current. {@link #of} refuses a pair whose mode or unit differ, and files from different
 * JVMs or (by their {@code arena jmh} sidecars) environments unless allowed. Immutable; safe to share
 * between threads; {@link #of} is a pure function of its arguments (the bootstrap is seeded).
 *
 * @param baseline           the baseline file
 * @param current            the current file
 * @param threshold          the least relative change that counts, in {@code [0, 1]}
 * @param seed               the bootstrap's seed, the same for every pair
 * @param environmentChanges the JVM or environment fields that differ, as {@code "jdkVersion: 25 vs 21"}
 * @param pairs              the entries both files have, in the baseline's order
 * @param onlyInBaseline     labels of the entries the current file lacks
 * @param onlyInCurrent      labels of the entries the baseline file lacks
 */
public record JmhDiff(Path baseline, Path current, double threshold, long seed, List<String> environmentChanges, List<Pair> pairs,
                      List<String> onlyInBaseline, List<String> onlyInCurrent) {

    /** Copies the lists. */
    public JmhDiff {
        environmentChanges = List.copyOf(environmentChanges);
        pairs = List.copyOf(pairs);
        onlyInBaseline = List.copyOf(onlyInBaseline);
        onlyInCurrent = List.copyOf(onlyInCurrent);
    }

    /**
     * One benchmark and parameter set in both files. Immutable.
     *
     * @param label         the benchmark and its parameters
     * @param mode          JMH's mode, the same in both files
     * @param unit          the scores' unit, the same in both files
     * @param baselineScore the baseline's median of fork medians, in {@code unit}
     * @param currentScore  the current median of fork medians, in {@code unit}
     * @param ratio         the time-like ratio (above 1 is slower) with its interval, at the level at which all the
     *                      diff's pairs hold together at 95% ({@link JmhDiff#familyWise()})
     * @param inverted      whether {@code ratio} is baseline / current, because a bigger score is faster ({@code thrpt})
     * @param verdict       what {@link Diff#verdict} says of {@code ratio}
     */
    public record Pair(String label, String mode, String unit, double baselineScore, double currentScore, Bootstrap.Interval ratio,
                       boolean inverted, Verdict verdict) {
    }

    /**
     * Compares {@code current} against {@code baseline}.
     *
     * @throws InvalidInputException naming {@code current} when a pair's mode or unit differ, when the
     *                               files share no benchmark, or when their JVMs or environments differ
     *                               and {@code allowEnvironmentChange} is false
     */
    public static JmhDiff of(JmhResultsFile baseline, JmhResultsFile current, double threshold, boolean allowEnvironmentChange, long seed,
                             int resamples) {
        List<String> changes = differences(baseline, current);
        Diff.requireSameEnvironment(changes, allowEnvironmentChange, baseline.path(), current.path());
        Map<String, Benchmark> currentByLabel = new LinkedHashMap<>();
        current.benchmarks().forEach(b -> currentByLabel.put(b.label(), b));
        ForkSpread spread = ForkSpread.pooled(java.util.stream.Stream.concat(baseline.benchmarks().stream(), current.benchmarks().stream())
                .map(Benchmark::forks).toList());
        FamilyWise together = new FamilyWise((int) Math.max(1, baseline.benchmarks().stream().filter(b -> currentByLabel.containsKey(b.label())).count()));
        List<Pair> pairs = new ArrayList<>();
        for (Benchmark base : baseline.benchmarks()) {
            Benchmark cur = currentByLabel.get(base.label());
            if (cur != null && (!cur.mode().equals(base.mode()) || !cur.unit().equals(base.unit()))) {
                throw new InvalidInputException("current", "current " + current.path() + ": " + base.label() + " is in mode " + cur.mode()
                        + " (" + cur.unit() + "), baseline in mode " + base.mode() + " (" + base.unit() + "); rerun both in one mode and unit");
            }
            if (cur != null) {
                pairs.add(pair(base, cur, threshold, seed, resamples, spread, together));
            }
        }
        List<String> baseLabels = baseline.benchmarks().stream().map(Benchmark::label).toList();
        List<String> onlyInBaseline = baseLabels.stream().filter(l -> !currentByLabel.containsKey(l)).toList();
        List<String> onlyInCurrent = currentByLabel.keySet().stream().filter(l -> !baseLabels.contains(l)).toList();
        if (pairs.isEmpty()) {
            throw new InvalidInputException("current", "current " + current.path() + " and baseline " + baseline.path()
                    + " have no benchmark and parameter set in common");
        }
        return new JmhDiff(baseline.path(), current.path(), threshold, seed, changes, pairs, onlyInBaseline, onlyInCurrent);
    }

    /** How the pairs' intervals hold together: all of them at 95%, each at {@link FamilyWise#pairLevel()}. */
    public FamilyWise familyWise() {
        return new FamilyWise(Math.max(1, pairs.size()));
    }

    /** How many pairs have {@code verdict}. */
    public long count(Verdict verdict) {
        return pairs.stream().filter(p -> p.verdict() == verdict).count();
    }

    /** Whether any pair's ratio was inverted from a throughput score. */
    public boolean anyInverted() {
        return pairs.stream().anyMatch(Pair::inverted);
    }

    /**
     * The pair's ratio from a hierarchical bootstrap, widened to the level at which all the diff's pairs
     * hold together ({@code together}), then to at least the Student-t interval at that level of the
     * pooled fork spread.
     */
    private static Pair pair(Benchmark base, Benchmark cur, double threshold, long seed, int resamples, ForkSpread spread, FamilyWise together) {
        boolean inverted = base.biggerIsFaster();
        Bootstrap.Interval ratio = spread.guardRatio(together.widen(inverted
                ? HierarchicalBootstrap.medianRatio(cur.forks(), base.forks(), seed, resamples)
                : HierarchicalBootstrap.medianRatio(base.forks(), cur.forks(), seed, resamples)), base.forks().size(), cur.forks().size(), together);
        return new Pair(base.label(), base.mode(), base.unit(), HierarchicalBootstrap.medianOfForks(base.forks()),
                HierarchicalBootstrap.medianOfForks(cur.forks()), ratio, inverted, Diff.verdict(ratio, threshold));
    }

    /** The JVM fields JMH recorded (first entry of each file) and the sidecar fields both files have, where they differ. */
    private static List<String> differences(JmhResultsFile baseline, JmhResultsFile current) {
        List<String> differences = new ArrayList<>();
        differ(differences, baseline.benchmarks().getFirst().jvm(), current.benchmarks().getFirst().jvm());
        differ(differences, baseline.environment(), current.environment());
        return differences;
    }

    /** Adds {@code "field: mine vs theirs"} for each field both maps have with different values. */
    private static void differ(List<String> differences, Map<String, String> mine, Map<String, String> theirs) {
        mine.forEach((field, value) -> {
            String other = theirs.get(field);
            if (other != null && !other.equals(value)) {
                differences.add(field + ": " + value + " vs " + other);
            }
        });
    }
}
