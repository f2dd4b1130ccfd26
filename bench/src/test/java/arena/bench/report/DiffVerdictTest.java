package arena.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import arena.bench.measure.Bootstrap.Interval;
import arena.bench.report.Diff.Verdict;
import org.junit.jupiter.api.Test;

/** The four verdicts of a pair, at a 5% threshold, from known intervals of median(current) / median(baseline). */
class DiffVerdictTest {

    private static final double THRESHOLD = 0.05;

    private static Verdict verdict(double estimate, double low, double high) {
        return Diff.verdict(new Interval(estimate, low, high), THRESHOLD);
    }

    @Test
    void thirtyPercentSlowerWithATightInterval_isSlower() {
        assertThat(verdict(1.30, 1.25, 1.35)).isEqualTo(Verdict.SLOWER);
    }

    @Test
    void twentyPercentFasterWithATightInterval_isFaster() {
        assertThat(verdict(0.80, 0.78, 0.83)).isEqualTo(Verdict.FASTER);
    }

    @Test
    void anIntervalWithinOnePlusOrMinusTheThreshold_isSame() {
        assertThat(verdict(1.01, 0.97, 1.04)).isEqualTo(Verdict.SAME);
        assertThat(verdict(1.00, 0.95, 1.05)).isEqualTo(Verdict.SAME);
    }

    @Test
    void anIntervalTooWideToTellAFivePercentChange_isInconclusive_notSame() {
        assertThat(verdict(1.02, 0.90, 1.20)).isEqualTo(Verdict.INCONCLUSIVE);
        // excludes 1 but the change itself is under the threshold, while a larger one is not ruled out
        assertThat(verdict(1.03, 1.01, 1.08)).isEqualTo(Verdict.INCONCLUSIVE);
        // beyond the threshold, but the interval reaches 1
        assertThat(verdict(1.20, 0.99, 1.40)).isEqualTo(Verdict.INCONCLUSIVE);
    }
}
