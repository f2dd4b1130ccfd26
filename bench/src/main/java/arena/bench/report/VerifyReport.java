package arena.bench.report;

import arena.bench.measure.Configuration;
import arena.bench.measure.Reference;
import arena.bench.measure.Verification;
import arena.core.GridDifference;
import arena.core.problem.JuliaParams;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * The outcome of {@code arena verify}: for each problem, the sequential reference and every
 * configuration checked against it. Its JSON form is the one case, or, for a golden file,
 * {@code {"cases": [...], "all_identical": ...}}. Immutable.
 *
 * @param cases      one per problem, in order
 * @param goldenFile whether the problems came from a golden file (so the JSON lists every case)
 * @param skipped    combinations of the selection that were not run, and why
 */
public record VerifyReport(List<Case> cases, boolean goldenFile, List<String> skipped) implements ReportDocument {

    /** Copies the lists; there is at least one case. */
    public VerifyReport {
        cases = List.copyOf(cases);
        skipped = List.copyOf(skipped);
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("a verify report has at least one case");
        }
    }

    /** Whether every run of every case was identical to its reference. */
    @JsonIgnore
    public boolean allIdentical() {
        return cases.stream().allMatch(Case::allIdentical);
    }

    /** The JSON form: the single case, or every case of a golden file with the overall verdict. */
    @JsonValue
    Object json() {
        return goldenFile ? new GoldenCases(cases, allIdentical()) : cases.get(0);
    }

    /** The JSON form of a golden file's check. */
    private record GoldenCases(List<Case> cases, boolean allIdentical) {
    }

    /**
     * One problem's check. Immutable.
     *
     * @param problem   the problem
     * @param reference the sequential reference's figures
     * @param runs      every configuration's check, in selection order
     */
    public record Case(JuliaParams problem, ReferenceFigures reference, List<Run> runs) {

        /** Copies the list. */
        public Case {
            runs = List.copyOf(runs);
        }

        /** The case of {@code reference} with the checks {@code verifications} made against it. */
        public static Case of(Reference reference, List<Verification> verifications) {
            var summary = reference.summary();
            ReferenceFigures figures = new ReferenceFigures(summary.sha256(), summary.sum(), summary.countAtNMax(), summary.fraction(),
                    reference.golden().isEmpty() ? null : reference.matchesGolden());
            return new Case(reference.params(), figures, verifications.stream().map(Run::of).toList());
        }

        /** Whether every run was identical to the reference. */
        @JsonProperty("all_identical")
        public boolean allIdentical() {
            return runs.stream().allMatch(Run::identical);
        }
    }

    /**
     * The sequential reference's figures. Immutable.
     *
     * @param sha256      the grid's digest
     * @param sum         the sum of all counts
     * @param countAtNMax the cells that reached n_max
     * @param fraction    their share
     * @param golden      whether the reference matches the golden case; null when the problem is not one
     */
    public record ReferenceFigures(String sha256, long sum, @JsonProperty("count_at_nmax") long countAtNMax, double fraction,
                                   Boolean golden) {
    }

    /**
     * One configuration's check. Immutable.
     *
     * @param strategy           the strategy's name
     * @param kernel             the kernel's name
     * @param threads            the worker count
     * @param schedule           the schedule's spec
     * @param sha256             the grid's digest
     * @param fraction           the strategy's fraction
     * @param identical          whether grid and fraction equal the reference's
     * @param firstDifference    the first differing cell; null when the grids agree
     * @param problemDescription what is wrong, in words, for the text table; empty when identical
     */
    public record Run(String strategy, String kernel, int threads, String schedule, String sha256, double fraction, boolean identical,
                      @JsonInclude(JsonInclude.Include.NON_NULL) GridDifference firstDifference, @JsonIgnore String problemDescription) {

        static Run of(Verification verification) {
            Configuration c = verification.configuration();
            return new Run(c.strategy(), c.kernel().name(), c.threads(), c.schedule().spec(), verification.sha256(),
                    verification.fraction(), verification.identical(), verification.difference().orElse(null),
                    verification.problemDescription());
        }
    }
}
