package arena.bench.measure;

import arena.core.Timeline;
import java.util.List;

/**
 * One configuration measured on one problem: the verification made before timing and every timed
 * sample. A configuration whose result is not identical carries no samples: a wrong answer is never
 * timed as if right. Immutable.
 *
 * @param verification   the untimed check against the reference
 * @param samplesMs      every measured sample of {@code compute}, in milliseconds, in run order
 * @param baselineMedian the median of {@code sequential} at 1 thread with the same kernel on the same
 *                       problem, for the speed-up (under forks: measured in the same child JVMs as this
 *                       configuration); NaN when unknown
 * @param recorded       one extra run recorded chunk by chunk ({@code compare --timeline}), or null
 * @param sampleForks    for each sample, the number of the child JVM of {@code compare --forks} that
 *                       measured it (from 0 in the run); empty when measured in-process
 * @param contexts       what else the JVM did during each sample, in the order of {@code samplesMs};
 *                       empty when not recorded
 * @param warmUps        each fork's warm-up, in the order the forks ran (one when in-process); empty
 *                       when not timed or not recorded
 */
public record Measurement(Verification verification, List<Double> samplesMs, double baselineMedian, RecordedRun recorded,
                          List<Integer> sampleForks, List<SampleContext> contexts, List<WarmUp> warmUps) {

    /**
     * Copies the lists.
     *
     * @throws IllegalArgumentException when {@code sampleForks} or {@code contexts} is neither empty nor one per sample
     */
    public Measurement {
        samplesMs = List.copyOf(samplesMs);
        sampleForks = sampleForks == null ? List.of() : List.copyOf(sampleForks);
        contexts = contexts == null ? List.of() : List.copyOf(contexts);
        warmUps = warmUps == null ? List.of() : List.copyOf(warmUps);
        if (!sampleForks.isEmpty() && sampleForks.size() != samplesMs.size()) {
            throw new IllegalArgumentException(sampleForks.size() + " fork numbers for " + samplesMs.size() + " samples");
        }
        if (!contexts.isEmpty() && contexts.size() != samplesMs.size()) {
            throw new IllegalArgumentException("contexts must be empty or one per sample: " + contexts.size() + " for "
                    + samplesMs.size() + " samples");
        }
    }

    /** A measurement made in-process, with a recorded run or null, without sample contexts. */
    public Measurement(Verification verification, List<Double> samplesMs, double baselineMedian, RecordedRun recorded) {
        this(verification, samplesMs, baselineMedian, recorded, List.of(), List.of(), List.of());
    }

    /** A measurement without a recorded run. */
    public Measurement(Verification verification, List<Double> samplesMs, double baselineMedian) {
        this(verification, samplesMs, baselineMedian, null, List.of(), List.of(), List.of());
    }

    /** The same measurement with a recorded run. */
    public Measurement withTimeline(RecordedRun run) {
        return new Measurement(verification, samplesMs, baselineMedian, run, sampleForks, contexts, warmUps);
    }

    /** The summary of the {@linkplain #recorded recorded run}: where its time went; null when none was recorded. */
    public Timeline.Summary timeline() {
        return recorded == null ? null : recorded.summary();
    }

    /** How many samples saw a garbage collection; 0 when not recorded. */
    public long samplesWithCollection() {
        return contexts.stream().filter(SampleContext::sawCollection).count();
    }

    /** How many samples saw JIT compilation; 0 when not recorded. */
    public long samplesWithCompilation() {
        return contexts.stream().filter(SampleContext::sawCompilation).count();
    }

    /** How many samples saw CPU time stolen by the hypervisor; 0 when not recorded ({@link #stealRecorded}). */
    public long samplesWithSteal() {
        return contexts.stream().filter(SampleContext::sawSteal).count();
    }

    /** The CPU time stolen from this run's CPUs during the samples, milliseconds; 0 when not recorded. */
    public long stolenMs() {
        return contexts.stream().mapToLong(SampleContext::stolenMs).sum();
    }

    /** Whether every sample recorded when it began ({@link SampleContext#startedAtMs}). */
    public boolean startsRecorded() {
        return !contexts.isEmpty() && contexts.stream().allMatch(c -> c.startedAtMs() > 0);
    }

    /**
     * When each fork measured this configuration, in the order of {@link #forkSamples()}: from its
     * first sample's start to its last sample's end; empty when measured in-process or when the starts
     * were not recorded.
     */
    public List<ForkSpan> forkSpans() {
        if (sampleForks.isEmpty() || !startsRecorded()) {
            return List.of();
        }
        java.util.Map<Integer, ForkSpan> spans = new java.util.LinkedHashMap<>();
        for (int i = 0; i < samplesMs.size(); i++) {
            long start = contexts.get(i).startedAtMs();
            long end = start + (long) Math.ceil(samplesMs.get(i));
            spans.merge(sampleForks.get(i), new ForkSpan(start, end),
                    (a, b) -> new ForkSpan(Math.min(a.fromMs(), b.fromMs()), Math.max(a.toMs(), b.toMs())));
        }
        return List.copyOf(spans.values());
    }

    /**
     * When one fork measured a configuration, wall-clock milliseconds since the epoch. Immutable.
     *
     * @param fromMs its first sample's start
     * @param toMs   its last sample's end
     */
    public record ForkSpan(long fromMs, long toMs) {
    }

    /** Whether every sample recorded its stolen time (contexts recorded where the system accounts it). */
    public boolean stealRecorded() {
        return !contexts.isEmpty() && contexts.stream().allMatch(SampleContext::stealRecorded);
    }

    /** What ran. */
    public Configuration configuration() {
        return verification.configuration();
    }

    /** Whether the result was identical to the reference (and so was timed). */
    public boolean identical() {
        return verification.identical();
    }

    /**
     * The statistics of the samples; for samples from several forks the median is the median of the
     * forks' medians, the point estimate of {@link #medianInterval}.
     */
    public Stats stats() {
        Stats pooled = Stats.of(samplesMs);
        return sampleForks.isEmpty() ? pooled : pooled.withMedian(HierarchicalBootstrap.medianOfForks(forkSamples()));
    }

    /**
     * The 95% interval of the median, from a hierarchical bootstrap over the forks and the samples
     * within each (one fork when in-process): it holds the fork-to-fork variance.
     */
    public Bootstrap.Interval medianInterval(long seed) {
        return HierarchicalBootstrap.median(forkSamples(), seed, Bootstrap.DEFAULT_RESAMPLES);
    }

    /** The samples of each fork, in the order the forks first appear; one list when in-process. */
    public List<List<Double>> forkSamples() {
        return ForkSamples.split(samplesMs, sampleForks);
    }

    /** Whether any fork never reached a steady state (its samples are timed anyway and flagged). */
    public boolean neverSteady() {
        return warmUps.stream().anyMatch(w -> !w.steady());
    }

    /** Sequential time over this configuration's time (both medians). */
    public double speedup() {
        return baselineMedian / stats().median();
    }

    /** Speed-up per thread. */
    public double efficiency() {
        return speedup() / configuration().threads();
    }

    /** Grid cells computed per second, in millions, at the median time. */
    public double megapixelsPerSecond() {
        return verification.reference().params().cellCount() / (stats().median() / 1e3) / 1e6;
    }

    /** Escape iterations per second (the sum of all counts over the median time). */
    public double iterationsPerSecond() {
        return verification.reference().summary().sum() / (stats().median() / 1e3);
    }
}
