package arena.bench.jmh;

import arena.bench.measure.Configuration;
import arena.bench.measure.Reference;
import arena.bench.measure.Verification;
import arena.core.CountGrid;
import arena.core.Strategy;
import arena.core.problem.JuliaParams;

/**
 * The check a benchmark runs on its last result after timing, in its trial's teardown, through the
 * same {@link Verification} against the same {@link Reference} as {@code arena compare}: a wrong
 * result throws, which fails the JMH run ({@code arena jmh} runs with {@code -foe true}) instead
 * of being reported as fast. Stateless; any thread.
 */
public final class ReferenceCheck {

    private ReferenceCheck() {
    }

    /**
     * Throws unless {@code last}, computed by {@code opened} (still open, to reduce its fraction) for
     * {@code configuration} and {@code params}, is identical to the reference; {@code null} (no
     * invocation ran) passes.
     *
     * @throws IllegalStateException naming the strategy and, for a wrong grid, both SHA-256 hashes
     */
    public static void requireIdentical(Strategy opened, Configuration configuration, JuliaParams params, CountGrid last) {
        if (last == null) {
            return;
        }
        Reference reference = Reference.of(params);
        Verification verification = Verification.of(configuration, reference, last, opened.fraction(last, params.nMax()));
        if (verification.difference().isPresent()) {
            throw new IllegalStateException(configuration.strategy() + " computed a wrong grid: sha256 " + verification.sha256()
                    + ", expected " + reference.summary().sha256());
        }
        if (!verification.identical()) {
            throw new IllegalStateException(configuration.strategy() + ": " + verification.problemDescription());
        }
    }
}
