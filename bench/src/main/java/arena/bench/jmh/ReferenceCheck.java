package arena.bench.jmh;

import arena.core.CountGrid;
import arena.core.Execution;
import arena.core.GridSummary;
import arena.core.SequentialStrategy;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.problem.JuliaParams;

/**
 * The check a benchmark runs on its last result after timing, in its trial's teardown: a wrong
 * result throws, which fails the JMH run ({@code arena jmh} runs with {@code -foe true}) instead
 * of being reported as fast. Stateless; any thread.
 */
public final class ReferenceCheck {

    private ReferenceCheck() {
    }

    /**
     * Throws when {@code last} (computed by {@code strategy} for {@code params}) differs from the
     * sequential reference; {@code null} (no invocation ran) passes.
     *
     * @throws IllegalStateException naming the strategy and both SHA-256 hashes
     */
    public static void requireReferenceGrid(String strategy, JuliaParams params, CountGrid last) {
        if (last == null) {
            return;
        }
        try (Strategy reference = new SequentialStrategy(StrategyConfig.threads(1))) {
            String expected = GridSummary.of(reference.compute(params, Execution.reference()), params.nMax()).sha256();
            if (!last.sha256().equals(expected)) {
                throw new IllegalStateException(strategy + " computed a wrong grid: sha256 " + last.sha256() + ", expected " + expected);
            }
        }
    }
}
