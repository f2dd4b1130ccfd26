package arena.bench.measure;

import arena.core.GridDifference;
import java.util.List;
import java.util.Optional;

/**
 * One measured configuration as a child JVM of {@code compare --forks} streams it to its parent:
 * one JSON line on the child's stdout. The parent turns it back into the same {@link Measurement}
 * an in-process run makes. Immutable.
 *
 * @param problem           the index of the problem in the sweep
 * @param label             the configuration's {@link Configuration#label()}
 * @param sha256            the hash of the verified grid
 * @param fraction          the fraction the strategy reduced
 * @param difference        the first differing cell, null when identical
 * @param fractionIdentical whether the fraction equals the reference's
 * @param samplesMs         the timed samples, empty when the result was wrong
 * @param contexts          what else the child JVM did during each sample; empty when not recorded
 * @param warmUp            where the child's warm-up ended; null when not timed
 * @param recorded          one run recorded chunk by chunk ({@code compare --timeline}), or null
 */
public record ForkLine(int problem, String label, String sha256, double fraction, GridDifference difference,
                       boolean fractionIdentical, List<Double> samplesMs, List<SampleContext> contexts, WarmUp warmUp,
                       RecordedRun recorded) {

    /** Copies the samples and their contexts (none when the child recorded none). */
    public ForkLine {
        samplesMs = List.copyOf(samplesMs);
        contexts = contexts == null ? List.of() : List.copyOf(contexts);
    }

    /** The line for {@code measurement} of problem number {@code problem}. */
    public static ForkLine of(int problem, Measurement measurement) {
        Verification v = measurement.verification();
        return new ForkLine(problem, v.configuration().label(), v.sha256(), v.fraction(), v.difference().orElse(null),
                v.fractionIdentical(), measurement.samplesMs(), measurement.contexts(),
                measurement.warmUps().isEmpty() ? null : measurement.warmUps().get(0), measurement.recorded());
    }

    /** The verification this line reports, for {@code configuration} checked against {@code reference}. */
    public Verification verification(Configuration configuration, Reference reference) {
        return new Verification(configuration, reference, sha256, fraction, Optional.ofNullable(difference), fractionIdentical);
    }
}
