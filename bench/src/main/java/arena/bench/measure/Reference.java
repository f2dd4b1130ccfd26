package arena.bench.measure;

import arena.core.CountGrid;
import arena.core.Execution;
import arena.core.GoldenCase;
import arena.core.GoldenCsv;
import arena.core.GridSummary;
import arena.core.Schedule;
import arena.core.SequentialStrategy;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.problem.JuliaParams;
import java.util.Optional;

/**
 * The reference result of one problem: the {@code sequential} strategy's grid with the scalar
 * kernel, its summary, and the golden case it must match when the problem is one. Immutable once
 * built.
 *
 * @param params  the problem
 * @param grid    the reference grid
 * @param summary its figures
 * @param golden  the golden case with exactly these parameters, if any
 */
public record Reference(JuliaParams params, CountGrid grid, GridSummary summary, Optional<GoldenCase> golden) {

    /** Computes the reference of {@code params}, looking it up among the bundled golden cases. */
    public static Reference of(JuliaParams params) {
        return of(params, GoldenCsv.bundledCaseFor(params));
    }

    /** Computes the reference of {@code params}, to be checked against {@code golden} when present. */
    public static Reference of(JuliaParams params, Optional<GoldenCase> golden) {
        try (Strategy sequential = new SequentialStrategy(StrategyConfig.threads(1))) {
            CountGrid grid = sequential.compute(params, Execution.reference());
            return new Reference(params, grid, GridSummary.of(grid, params.nMax()), golden);
        }
    }

    /** Whether the reference matches its golden case; true when there is none. */
    public boolean matchesGolden() {
        return golden.map(g -> g.matches(summary)).orElse(true);
    }
}
