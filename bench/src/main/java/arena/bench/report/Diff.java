package arena.bench.report;

import arena.bench.measure.Bootstrap;
import arena.bench.measure.Environment;
import arena.bench.measure.FamilyWise;
import arena.bench.measure.ForkPlan;
import arena.bench.measure.ForkSamples;
import arena.bench.measure.ForkSpread;
import arena.bench.measure.HierarchicalBootstrap;
import arena.bench.measure.MachineSpeed;
import arena.bench.report.ResultsDocument.Key;
import arena.bench.report.ResultsDocument.Result;
import arena.core.input.InvalidInputException;
import arena.core.problem.JuliaParams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Two results.json files set side by side: every configuration both measured, with the ratio of
 * the current median to the baseline median, its bootstrap interval and a verdict, plus the
 * configurations only one file has. Built only for files that are comparable: {@link #of} refuses
 * a wrong result, a changed result (a different SHA-256 is not a speed change), files without a
 * problem in common, and files from different environments unless allowed. Immutable; safe to
 * share between threads. {@link #of} is a pure function of its arguments (the bootstrap is seeded).
 *
 * @param baseline           the baseline file
 * @param current            the current file
 * @param threshold          the least relative change that counts, e.g. 0.05
 * @param seed               the bootstrap's seed, the same for every pair
 * @param environmentChanges the environment fields that differ, as {@code "cores: 2 vs 16"}; empty when none do
 * @param forkNotes          for each file measured in one JVM per configuration ({@code --forks 0} or
 *                           from before forks), a line saying that its JVM-to-JVM variance is not
 *                           in the intervals; empty when both files were forked
 * @param machineNotes       lines on each file whose machine was shared while it measured: some of its
 *                           samples saw CPU time stolen by the hypervisor (results.json's
 *                           {@code samples_with_steal}: how many and how much), or its speed checks between
 *                           forks moved beyond {@link MachineSpeed#MOVED_BEYOND} (results.json's
 *                           {@code speed_checks}: by how much); and a line naming how much slower the
 *                           machine was in one run than in the other when that widened the intervals, or
 *                           that it is not known for a kernel whose code changed ({@code machineFactors});
 *                           empty when none applies
 * @param spreads            each kernel's fork-to-fork spread, pooled over both files' configurations of
 *                           that kernel ({@link ForkSpread}), which widens every pair's interval to at
 *                           least its Student-t interval
 * @param pairs              the configurations both files have, in the baseline's order
 * @param onlyInBaseline     configurations the current file lacks
 * @param onlyInCurrent      configurations the baseline file lacks
 */
public record Diff(Path baseline, Path current, double threshold, long seed, List<String> environmentChanges, List<String> forkNotes,
                   List<String> machineNotes, Map<String, ForkSpread> spreads, List<Pair> pairs, List<Key> onlyInBaseline, List<Key> onlyInCurrent) {

    /** Copies the lists; {@code threshold} must lie in {@code [0, 1]}. */
    public Diff {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be between 0 and 1, got " + threshold);
        }
        environmentChanges = List.copyOf(environmentChanges);
        forkNotes = List.copyOf(forkNotes);
        machineNotes = List.copyOf(machineNotes);
        spreads = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(spreads));
        pairs = List.copyOf(pairs);
        onlyInBaseline = List.copyOf(onlyInBaseline);
        onlyInCurrent = List.copyOf(onlyInCurrent);
    }

    /** What a pair's interval says about the change. */
    public enum Verdict {
        /** The whole interval lies above 1 and the ratio exceeds {@code 1 + threshold}. */
        SLOWER,
        /** The whole interval lies below 1 and the ratio is under {@code 1 - threshold}. */
        FASTER,
        /** The whole interval lies within {@code 1 ± threshold}: no change of the threshold's size. */
        SAME,
        /**
         * None of the above: the interval is too wide to tell a change of the threshold's size from
         * none. Never fails the gate; a report says how many, so that a diff without power shows.
         */
        INCONCLUSIVE;

        /** The lower-case word the reports print. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One configuration measured in both files. Immutable.
     *
     * @param key             the configuration
     * @param baselineMedian  the baseline's median, ms
     * @param currentMedian   the current median, ms
     * @param ratio           {@code currentMedian / baselineMedian} with its interval, at the level at which all
     *                        the diff's pairs hold together at 95% ({@link Diff#familyWise()})
     * @param verdict         what the interval and the threshold say
     */
    public record Pair(Key key, double baselineMedian, double currentMedian, Bootstrap.Interval ratio, Verdict verdict) {
    }

    /**
     * Compares {@code current} against {@code baseline}.
     *
     * @param threshold the least relative change that counts, in {@code [0, 1]}
     * @throws InvalidInputException naming the file at fault when the files are not comparable
     */
    public static Diff of(ResultsFile baseline, ResultsFile current, double threshold, boolean allowEnvironmentChange, long seed,
                          int resamples) {
        requireAllIdentical(baseline, "baseline");
        requireAllIdentical(current, "current");
        List<String> changes = differences(baseline.platform(), current.platform());
        requireSameEnvironment(changes, allowEnvironmentChange, baseline.path(), current.path());
        Set<JuliaParams> baseProblems = problems(baseline);
        Set<JuliaParams> curProblems = problems(current);
        if (baseProblems.stream().noneMatch(curProblems::contains)) {
            throw new InvalidInputException("current", "current " + current.path() + " and baseline " + baseline.path()
                    + " have no problem in common: baseline has " + baseProblems + ", current has " + curProblems);
        }
        Map<String, ForkSpread> spreads = ForkSpread.perKernel(
                java.util.stream.Stream.concat(baseline.results().stream(), current.results().stream()).toList(),
                r -> r.key().kernel(), r -> ForkSamples.split(r.samplesMs(), r.sampleForks()));
        Map<String, Double> machineFactors = machineFactors(baseline, current);
        Map<Key, Result> currentByKey = new LinkedHashMap<>();
        current.results().forEach(e -> currentByKey.put(e.key(), e));
        FamilyWise together = new FamilyWise((int) Math.max(1, baseline.results().stream().filter(b -> currentByKey.containsKey(b.key())).count()));
        List<Pair> pairs = new ArrayList<>();
        List<Key> onlyInBaseline = new ArrayList<>();
        for (Result base : baseline.results()) {
            Result cur = currentByKey.remove(base.key());
            if (cur == null) {
                onlyInBaseline.add(base.key());
            } else if (!cur.sha256().equals(base.sha256())) {
                throw new InvalidInputException("current", "current " + current.path() + ": " + base.key() + " has sha256 "
                        + abbreviate(cur.sha256()) + ", baseline has " + abbreviate(base.sha256())
                        + ": a different result is not a speed change");
            } else {
                pairs.add(pair(base, cur, threshold, seed, resamples, spreads.getOrDefault(base.key().kernel(), ForkSpread.UNKNOWN),
                        together, widening(machineFactors.get(base.key().kernel()))));
            }
        }
        List<String> forkNotes = new ArrayList<>();
        forkNote(baseline, "baseline").ifPresent(forkNotes::add);
        forkNote(current, "current").ifPresent(forkNotes::add);
        List<String> machineNotes = new ArrayList<>();
        stealNote(baseline, "baseline").ifPresent(machineNotes::add);
        speedNote(baseline, "baseline").ifPresent(machineNotes::add);
        stealNote(current, "current").ifPresent(machineNotes::add);
        speedNote(current, "current").ifPresent(machineNotes::add);
        machineFactorNote(machineFactors, pairs.stream().map(pair -> pair.key().kernel()).distinct().toList()).ifPresent(machineNotes::add);
        return new Diff(baseline.path(), current.path(), threshold, seed, changes, forkNotes, machineNotes, spreads, pairs, onlyInBaseline,
                List.copyOf(currentByKey.keySet()));
    }

    /**
     * What {@code ratio}, the interval of median(current) / median(baseline), says at
     * {@code threshold}: slower or faster when it excludes 1 and its estimate is beyond
     * {@code 1 ± threshold}; same when it lies within {@code 1 ± threshold}; otherwise inconclusive.
     */
    public static Verdict verdict(Bootstrap.Interval ratio, double threshold) {
        if (ratio.low() > 1 && ratio.estimate() > 1 + threshold) {
            return Verdict.SLOWER;
        }
        if (ratio.high() < 1 && ratio.estimate() < 1 - threshold) {
            return Verdict.FASTER;
        }
        return ratio.low() >= 1 - threshold && ratio.high() <= 1 + threshold ? Verdict.SAME : Verdict.INCONCLUSIVE;
    }

    /**
     * The header line on the pooled fork spreads: each kernel's, and, when some pairs are
     * inconclusive, about how many forks per configuration would tell a change of the threshold's
     * size at the widest spread among their kernels; empty when no file has two forks of a configuration.
     */
    public java.util.Optional<String> spreadNote() {
        List<String> known = new ArrayList<>();
        spreads.forEach((kernel, spread) -> {
            if (spread.known()) {
                known.add(String.format(Locale.ROOT, "%s %.1f%% (%d degrees of freedom)", kernel, 100 * Math.expm1(spread.sigma()),
                        spread.degreesOfFreedom()));
            }
        });
        if (known.isEmpty()) {
            return java.util.Optional.empty();
        }
        String note = "fork-to-fork spread (standard deviation of a fork's median), pooled per kernel over both files: "
                + String.join(", ", known) + "; every interval is at least the Student-t interval it implies";
        ForkSpread widest = pairs.stream().filter(p -> p.verdict() == Verdict.INCONCLUSIVE)
                .map(p -> spreads.getOrDefault(p.key().kernel(), ForkSpread.UNKNOWN))
                .max(java.util.Comparator.comparingDouble(ForkSpread::sigma)).orElse(ForkSpread.UNKNOWN);
        if (widest.known() && threshold > 0 && threshold < 1) {
            int forks = widest.forksToTell(threshold, familyWise());
            note += forks <= ForkPlan.MAX_FORKS
                    ? String.format(Locale.ROOT, "; to tell a %s change at this spread, measure about %d forks per configuration (--forks)",
                            DiffFormat.pct(threshold), forks)
                    : String.format(Locale.ROOT, "; to tell a %s change at this spread would take about %d forks per configuration, more "
                            + "than --forks allows (%d): measure on a quieter machine (no other load, fixed CPUs) or diff at a larger --threshold",
                            DiffFormat.pct(threshold), forks, ForkPlan.MAX_FORKS);
        }
        return java.util.Optional.of(note);
    }

    /** How the pairs' intervals hold together: all of them at 95%, each at {@link FamilyWise#pairLevel()}. */
    public FamilyWise familyWise() {
        return new FamilyWise(Math.max(1, pairs.size()));
    }

    /** How many pairs have {@code verdict}. */
    public long count(Verdict verdict) {
        return pairs.stream().filter(p -> p.verdict() == verdict).count();
    }

    /**
     * The pair of {@code base} and {@code cur}: the ratio's interval from a hierarchical bootstrap over
     * each file's forks and their samples (a file without forks is one fork per configuration), widened
     * to the level at which all the diff's pairs hold together ({@code together}), then to at least the
     * Student-t interval at that level of the two files' pooled fork spread for the forks at hand
     * ({@link ForkSpread#guardRatio}), then by the machine factor; the medians the medians of the forks' medians.
     */
    private static Pair pair(Result base, Result cur, double threshold, long seed, int resamples, ForkSpread spread, FamilyWise together,
                             double machineFactor) {
        List<List<Double>> baseForks = ForkSamples.split(base.samplesMs(), base.sampleForks());
        List<List<Double>> curForks = ForkSamples.split(cur.samplesMs(), cur.sampleForks());
        Bootstrap.Interval guarded = spread.guardRatio(together.widen(HierarchicalBootstrap.medianRatio(baseForks, curForks, seed, resamples)),
                baseForks.size(), curForks.size(), together);
        Bootstrap.Interval ratio = new Bootstrap.Interval(guarded.estimate(), guarded.low() / machineFactor, guarded.high() * machineFactor);
        Verdict verdict = verdict(ratio, threshold);
        return new Pair(base.key(), HierarchicalBootstrap.medianOfForks(baseForks), HierarchicalBootstrap.medianOfForks(curForks), ratio,
                verdict);
    }

    /** The factor a pair's interval is widened by: the kernel's machine factor, or 1 where none is known. */
    private static double widening(Double machineFactor) {
        return machineFactor == null || machineFactor.isNaN() ? 1 : machineFactor;
    }

    /**
     * Per kernel that both files checked, on the same CPU model and JDK: how much slower the machine
     * was in one run than in the other, at least 1, from each file's
     * {@link MachineSpeed#typicalSlowestPerKernel} (time per iteration, the larger over the smaller);
     * NaN for a kernel whose code differs between the two builds, or whose checks in either file do
     * not say what they ran, as its checks do not compare then (a faster kernel would read as a
     * faster machine). A pair's interval is widened by the factor on both sides: a change no larger
     * than the machine's own between the two runs is not told as the models'. Empty when a file has
     * no speed checks (in-process, JMH, files from before the checks), or the CPU models or JDKs
     * differ (then that is what changed).
     */
    static Map<String, Double> machineFactors(ResultsFile baseline, ResultsFile current) {
        Map<String, Double> factors = new LinkedHashMap<>();
        Environment base = baseline.platform(), cur = current.platform();
        if (!java.util.Objects.equals(base.cpuModel(), cur.cpuModel()) || !java.util.Objects.equals(base.jdkVersion(), cur.jdkVersion())
                || !java.util.Objects.equals(base.jdkVendor(), cur.jdkVendor())) {
            return factors;
        }
        Map<String, MachineSpeed.TypicalSpeed> baseSpeeds = baseline.machineSpeed().typicalSlowestPerKernel();
        Map<String, MachineSpeed.TypicalSpeed> curSpeeds = current.machineSpeed().typicalSlowestPerKernel();
        baseSpeeds.forEach((kernel, speed) -> {
            MachineSpeed.TypicalSpeed other = curSpeeds.get(kernel);
            if (other != null) {
                factors.put(kernel, speed.factorTo(other));
            }
        });
        return factors;
    }

    /**
     * The header line naming the machine factors that widened the intervals (those beyond 1.000), the
     * kernels whose checks did not compare, and, when any kernel has a factor, the {@code paired}
     * kernels that were not checked in both runs (a strategy's native kernel, which no check runs);
     * empty when none of these applies.
     */
    private static java.util.Optional<String> machineFactorNote(Map<String, Double> factors, List<String> paired) {
        List<String> widened = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        factors.forEach((kernel, factor) -> {
            if (Double.isNaN(factor)) {
                unknown.add(kernel);
            } else if (factor >= 1.0005) {
                widened.add(String.format(Locale.ROOT, "%s %.3fx", kernel, factor));
            }
        });
        List<String> unchecked = factors.isEmpty() ? List.of() : paired.stream().filter(kernel -> !factors.containsKey(kernel)).toList();
        List<String> parts = new ArrayList<>();
        if (!widened.isEmpty()) {
            parts.add(String.join(", ", widened) + "; every interval is widened by it on both sides");
        }
        if (!unknown.isEmpty()) {
            parts.add("not known for " + String.join(", ", unknown) + ": the kernel's code differs between the two builds, or a file's "
                    + "checks do not say what they ran (a file from before), so the checks do not compare; its intervals are not widened");
        }
        if (!unchecked.isEmpty()) {
            parts.add("not checked in both runs: " + String.join(", ", unchecked) + " (the checks run only kernels in Java, not a strategy's "
                    + "native kernel): their intervals are not widened, so a change of the machine's size may show as theirs");
        }
        return parts.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of("the machine between the two runs (speed checks, "
                + "slowest CPU, time per iteration, median of each run): " + String.join("; ", parts));
    }

    /** The header line for {@code file} when any of its configurations was measured in one JVM; empty otherwise. */
    private static java.util.Optional<String> forkNote(ResultsFile file, String role) {
        boolean oneFork = file.results().stream().anyMatch(r -> r.identical()
                && ForkSamples.split(r.samplesMs(), r.sampleForks()).size() < 2);
        return oneFork ? java.util.Optional.of(role + " " + file.path() + ": one fork per configuration (measured in-process, or an "
                + "older file): its JVM-to-JVM variance is not in the intervals, which may be too narrow") : java.util.Optional.empty();
    }

    /** The line on {@code file}'s speed checks when the machine's speed moved during its run (files from before have none). */
    private static java.util.Optional<String> speedNote(ResultsFile file, String role) {
        MachineSpeed speed = file.machineSpeed();
        if (!speed.moved()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(String.format(Locale.ROOT, "%s %s: the machine's speed moved during its run (speed checks between "
                + "forks: the same work took up to %.2fx as long): changes of that size may be the machine's", role, file.path(),
                speed.worstSlowdown()));
    }

    /** The line on {@code file}'s samples that saw stolen CPU time, when any did (files from before record none). */
    private static java.util.Optional<String> stealNote(ResultsFile file, String role) {
        List<Result> recorded = file.results().stream().filter(r -> r.samplesWithSteal() != null).toList();
        long samples = recorded.stream().mapToLong(Result::samplesWithSteal).sum();
        if (samples == 0) {
            return java.util.Optional.empty();
        }
        long stolen = recorded.stream().mapToLong(r -> r.stolenMs() == null ? 0 : r.stolenMs()).sum();
        return java.util.Optional.of(String.format(Locale.ROOT, "%s %s: %d of %d samples saw CPU time stolen by the hypervisor "
                + "(%,d ms): the machine was shared while it measured", role, file.path(), samples,
                recorded.stream().mapToLong(Result::samples).sum(), stolen));
    }

    /**
     * Refuses {@code current} when {@code changes}, the environment fields that differ, is not empty
     * and not allowed; shared with {@link JmhDiff}.
     */
    static void requireSameEnvironment(List<String> changes, boolean allowed, Path baseline, Path current) {
        if (!changes.isEmpty() && !allowed) {
            throw new InvalidInputException("current", "current " + current + " was measured in another environment than baseline "
                    + baseline + ": " + String.join(", ", changes) + " (pass --allow-env-change to compare anyway)");
        }
    }

    private static void requireAllIdentical(ResultsFile file, String parameter) {
        for (Result entry : file.results()) {
            if (!entry.identical()) {
                throw new InvalidInputException(parameter, parameter + " " + file.path() + ": " + entry.key()
                        + " is not identical to the sequential reference; a wrong result has no speed to compare");
            }
        }
    }

    private static Set<JuliaParams> problems(ResultsFile file) {
        Set<JuliaParams> problems = new LinkedHashSet<>();
        file.results().forEach(e -> problems.add(e.key().problem()));
        return problems;
    }

    /** Each environment field two files must share that differs, as {@code "cores: 2 vs 16"} ({@code baseline} first). */
    private static List<String> differences(Environment baseline, Environment current) {
        List<String> differences = new ArrayList<>();
        differ(differences, "cpu_model", baseline.cpuModel(), current.cpuModel());
        differ(differences, "cores", baseline.cores(), current.cores());
        differ(differences, "jdk_version", baseline.jdkVersion(), current.jdkVersion());
        differ(differences, "jdk_vendor", baseline.jdkVendor(), current.jdkVendor());
        return differences;
    }

    private static void differ(List<String> differences, String field, Object mine, Object theirs) {
        if (!mine.equals(theirs)) {
            differences.add(field + ": " + mine + " vs " + theirs);
        }
    }

    private static String abbreviate(String sha256) {
        return sha256.length() > 12 ? sha256.substring(0, 12) : sha256;
    }
}
