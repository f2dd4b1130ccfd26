package arena.bench.report;

import arena.bench.measure.Environment;
import arena.bench.measure.MachineSpeed;
import arena.core.problem.JuliaParams;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * results.json as one tree of records: {@code arena compare} writes it through {@link ReportJson}
 * and {@link ResultsFile} reads it back into the same records, so the file has one definition. A
 * field that was not measured (a timing of a wrong result, a speed-up without a baseline) is
 * {@code null} in the file and in the record. Immutable.
 *
 * @param schemaVersion {@link Report#SCHEMA_VERSION}
 * @param environment   where it was measured
 * @param results       one entry per configuration, grouped by problem and sorted by median
 * @param skipped       combinations of the selection that were not run, and why
 * @param allIdentical  whether every result was identical to the sequential reference
 * @param forks         child JVMs per strategy ({@code compare --forks}); 0 when measured in-process;
 *                      null in files from before forks
 * @param orderSeed     the seed of the forks' order; absent when in-process
 * @param speedChecks   the machine's speed checks between forks ({@link MachineSpeed}); absent when
 *                      in-process and in files from before them
 */
public record ResultsDocument(int schemaVersion, Environment environment, List<Result> results, List<String> skipped,
                              boolean allIdentical, Integer forks, @JsonInclude(JsonInclude.Include.NON_NULL) Long orderSeed,
                              @JsonInclude(JsonInclude.Include.NON_NULL) List<MachineSpeed.Check> speedChecks) {

    /** Copies the lists; a missing {@code skipped} reads as empty. */
    public ResultsDocument {
        results = List.copyOf(results);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }

    /**
     * What identifies a configuration across files: the problem's fields and the configuration's,
     * written flat ({@code resolution, c_re, ..., strategy, kernel, threads, schedule}). Immutable.
     */
    public record Key(@JsonUnwrapped JuliaParams problem, String strategy, String kernel, int threads, String schedule) {

        /** As {@code Configuration.label()} spells it, e.g. {@code forkjoin/scalar/2t/dynamic:1}. */
        public String label() {
            return strategy + "/" + kernel + "/" + threads + "t/" + schedule;
        }

        /** The label and the problem, for messages. */
        @Override
        public String toString() {
            return label() + " on " + problem;
        }
    }

    /**
     * One configuration's result; every timing figure is in milliseconds rounded to the microsecond,
     * and null when the result was wrong (and so not timed) or, for the speed-up and efficiency,
     * when the baseline was not measured. Immutable.
     *
     * @param key             the configuration, written flat
     * @param samples         how many samples were measured
     * @param medianMs        the median sample
     * @param ciLowMs         the low end of the median's 95% bootstrap interval
     * @param ciHighMs        the high end of that interval
     * @param minMs           the fastest sample
     * @param maxMs           the slowest sample
     * @param meanMs          the mean sample
     * @param cv              the coefficient of variation
     * @param noisy           whether the interval is too wide to rank on (see {@link Report#NOISY_HALF_WIDTH})
     * @param speedup         the baseline's median over this median; null when the baseline was not measured
     * @param efficiency      the speed-up per thread; null when the speed-up is
     * @param mpixelsPerS     millions of cells per second at the median
     * @param iterationsPerS  escape iterations per second at the median, whole
     * @param imbalance       the recorded run's max / mean busy time per worker; null when not recorded
     * @param idleShare       the recorded run's idle share; null when not recorded
     * @param samplesWithGc   how many samples saw a garbage collection; null when not recorded
     * @param samplesWithCompilation how many samples saw JIT compilation; null when not recorded
     * @param samplesWithSteal how many samples saw CPU time stolen by the hypervisor; null when not
     *                        recorded (not Linux, or a file from before)
     * @param stolenMs        the CPU time stolen from the run's CPUs during the samples, milliseconds;
     *                        null when not recorded
     * @param sha256          the grid's digest
     * @param identical       whether the result matched the sequential reference
     * @param samplesMs       every sample; empty when not identical
     * @param firstDifference the first differing cell, only when not identical
     * @param sampleForks     for each sample, the child JVM of {@code compare --forks} that measured it;
     *                        absent (empty) when measured in-process and in files from before forks
     * @param sampleStolenMs  for each sample, the CPU time stolen from the run's CPUs during it,
     *                        milliseconds (whole ticks of 10 ms), to set beside {@code samplesMs};
     *                        absent (empty) when not recorded
     * @param sampleStartedMs for each sample, when it began, wall-clock milliseconds since the epoch:
     *                        every configuration's and every fork's samples on one time line (a
     *                        slowdown of the machine shows as samples of several configurations
     *                        slow at the same minutes); absent (empty) when not recorded
     * @param forkMachineSlowdowns for each fork, in the order of {@code forkMediansMs}, how slow the
     *                        machine was around it: the slower of the speed checks just before and just
     *                        after it, over the kernel's fastest check of the run (1.25: a CPU took a
     *                        quarter longer); absent (empty) when no check was made
     */
    public record Result(@JsonUnwrapped Key key, int samples, Double medianMs, Double ciLowMs, Double ciHighMs, Double minMs,
                         Double maxMs, Double meanMs, Double cv, Boolean noisy, Double speedup, Double efficiency, Double mpixelsPerS,
                         Double iterationsPerS, Double imbalance, Double idleShare, Integer samplesWithGc,
                         Integer samplesWithCompilation, Integer samplesWithSteal, Long stolenMs, String sha256, boolean identical,
                         List<Double> samplesMs, @JsonInclude(JsonInclude.Include.NON_NULL) String firstDifference,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Integer> sampleForks,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Double> forkMediansMs,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Integer> warmUpSamples,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Boolean steady,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Long> sampleStolenMs,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Long> sampleStartedMs,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Double> forkMachineSlowdowns) {

        /** Copies the lists (empty when the file has none). */
        public Result {
            samplesMs = List.copyOf(samplesMs);
            sampleForks = sampleForks == null ? List.of() : List.copyOf(sampleForks);
            forkMediansMs = forkMediansMs == null ? List.of() : List.copyOf(forkMediansMs);
            warmUpSamples = warmUpSamples == null ? List.of() : List.copyOf(warmUpSamples);
            sampleStolenMs = sampleStolenMs == null ? List.of() : List.copyOf(sampleStolenMs);
            sampleStartedMs = sampleStartedMs == null ? List.of() : List.copyOf(sampleStartedMs);
            forkMachineSlowdowns = forkMachineSlowdowns == null ? List.of() : List.copyOf(forkMachineSlowdowns);
        }
    }
}
