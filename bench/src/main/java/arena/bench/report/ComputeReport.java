package arena.bench.report;

import arena.core.problem.JuliaParams;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The outcome of {@code arena compute}: one grid computed once, its figures and the wall time. Its
 * JSON form is the problem's fields followed by the others, {@code millis} rounded to the
 * microsecond. Immutable.
 *
 * @param problem            the problem
 * @param strategy           the strategy's name
 * @param kernel             the kernel used
 * @param threads            the worker count
 * @param schedule           the schedule's spec
 * @param sha256             the grid's digest
 * @param sum                the sum of all counts
 * @param countAtNMax        the cells that reached n_max
 * @param fraction           the strategy's own reduction of that share
 * @param min                the least count
 * @param max                the greatest count
 * @param wallMillis         the computation's wall time, ms
 * @param golden             whether the grid matches the bundled golden case; null when the problem is not one
 * @param sequentialFraction the sequential reduction of the fraction, which {@code fraction} must equal
 */
@JsonPropertyOrder({"problem", "strategy", "kernel", "threads", "schedule", "sha256", "sum", "count_at_nmax", "fraction", "min", "max",
        "millis", "golden"})
public record ComputeReport(@JsonUnwrapped JuliaParams problem, String strategy, String kernel, int threads, String schedule,
                            String sha256, long sum, @JsonProperty("count_at_nmax") long countAtNMax, double fraction, int min, int max,
                            @JsonIgnore double wallMillis, Boolean golden, @JsonIgnore double sequentialFraction) implements ReportDocument {

    /** Whether the strategy's fraction equals the sequential reduction, bit for bit. */
    @JsonIgnore
    public boolean fractionAgrees() {
        return fraction == sequentialFraction;
    }

    /** Whether every check passed: the fraction and, for a golden case, the grid. */
    @JsonIgnore
    public boolean agrees() {
        return fractionAgrees() && !Boolean.FALSE.equals(golden);
    }

    /** The wall time rounded to the microsecond, as the JSON form prints it. */
    @JsonProperty("millis")
    double roundedMillis() {
        return Math.round(wallMillis * 1000) / 1000.0;
    }
}
