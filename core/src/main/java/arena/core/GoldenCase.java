package arena.core;

import arena.core.problem.JuliaParams;

/**
 * One row of a golden CSV: a problem and the figures its grid must reproduce exactly. Immutable.
 *
 * @param params   the problem
 * @param expected what its grid must give, SHA-256 included
 */
public record GoldenCase(JuliaParams params, GridSummary expected) {

    /** Whether {@code actual} reproduces every column (the fraction exactly, as a double). */
    public boolean matches(GridSummary actual) {
        return expected.equals(actual);
    }
}
