package arena.bench.measure;

import arena.core.CountGrid;
import arena.core.Execution;
import arena.core.GridDifference;
import arena.core.Strategy;
import java.util.Optional;

/**
 * How one configuration's result compares with the reference: its hash and fraction, the first
 * differing cell if any, and whether the fraction (reduced in the strategy's own model) is
 * bit-identical. Immutable.
 *
 * @param configuration     what ran
 * @param reference         what it is checked against
 * @param sha256            the hash of its grid
 * @param fraction          its fraction, reduced by the strategy
 * @param difference        the first differing cell, empty when the grids are identical
 * @param fractionIdentical whether the fraction equals the reference's exactly
 */
public record Verification(Configuration configuration, Reference reference, String sha256, double fraction,
                           Optional<GridDifference> difference, boolean fractionIdentical) {

    /**
     * Computes {@code reference}'s problem with {@code strategy} (opened for the configuration's
     * strategy and thread count) and compares the result.
     */
    public static Verification run(Strategy strategy, Configuration configuration, Reference reference) {
        CountGrid grid = strategy.compute(reference.params(), new Execution(configuration.schedule(), configuration.kernel()));
        return of(configuration, reference, grid, strategy.fraction(grid, reference.params().nMax()));
    }

    /**
     * Compares a grid already computed for {@code configuration} (a benchmark's last one, say) and
     * the fraction its strategy reduced from it with the reference.
     */
    public static Verification of(Configuration configuration, Reference reference, CountGrid grid, double fraction) {
        return new Verification(configuration, reference, grid.sha256(), fraction,
                CountGrid.difference(reference.grid(), grid), fraction == reference.summary().fraction());
    }

    /** Whether the grid and the fraction are identical to the reference, and the reference to its golden case. */
    public boolean identical() {
        return difference.isEmpty() && fractionIdentical && reference.matchesGolden();
    }

    /** Why the result is not identical, in one line; empty when it is. */
    public String problemDescription() {
        if (difference.isPresent()) {
            return difference.get().toString();
        }
        if (!fractionIdentical) {
            return "fraction " + fraction + " differs from the reference's " + reference.summary().fraction();
        }
        if (!reference.matchesGolden()) {
            return "the reference itself differs from the golden case (sha256 " + reference.summary().sha256() + ")";
        }
        return "";
    }
}
