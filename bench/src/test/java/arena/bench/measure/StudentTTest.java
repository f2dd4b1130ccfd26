package arena.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Student's t quantiles against the printed tables, in the middle and in the far tails. */
class StudentTTest {

    @Test
    void ninetyFivePercentQuantiles_matchTheTable() {
        assertThat(StudentT.quantile(0.975, 1)).isCloseTo(12.7062, within(0.0001));
        assertThat(StudentT.quantile(0.975, 2)).isCloseTo(4.3027, within(0.0001));
        assertThat(StudentT.quantile(0.975, 9)).isCloseTo(2.2622, within(0.0001));
        assertThat(StudentT.quantile(0.975, 24)).isCloseTo(2.0639, within(0.0001));
        assertThat(StudentT.quantile(0.975, 120)).isCloseTo(1.9799, within(0.0001));
        assertThat(StudentT.quantile(0.975, 100_000)).isCloseTo(1.9600, within(0.0001));
    }

    @Test
    void farTails_matchTheTable() {
        assertThat(StudentT.quantile(0.9995, 1)).isCloseTo(636.619, within(0.001));
        assertThat(StudentT.quantile(0.999, 2)).isCloseTo(22.327, within(0.001));
        assertThat(StudentT.quantile(0.995, 9)).isCloseTo(3.250, within(0.001));
        assertThat(StudentT.quantile(0.9995, 30)).isCloseTo(3.646, within(0.001));
        assertThat(StudentT.quantile(0.5, 7)).isZero();
    }

    @Test
    void theSeriesForOddAndEvenDegrees_agreeWithTheirClosedForms() {
        double t = 1.7;
        assertThat(StudentT.probabilityWithin(t, 1)).isCloseTo(2 / Math.PI * Math.atan(t), within(1e-15));
        assertThat(StudentT.probabilityWithin(t, 2)).isCloseTo(t / Math.sqrt(2 + t * t), within(1e-15));
        double x = t / Math.sqrt(3);
        assertThat(StudentT.probabilityWithin(t, 3)).isCloseTo(2 / Math.PI * (Math.atan(x) + x / (1 + x * x)), within(1e-15));
    }

    /** Where the series gives way to the expansion, the two agree, in the middle and in far tails. */
    @Test
    void beyondTheSeries_theExpansionAgreesWithIt() {
        int df = StudentT.SERIES_UP_TO;
        for (double p : new double[] {0.975, 1 - 0.025 / 77, 1 - 0.025 / 10_000}) {
            double series = StudentT.quantile(p, df);
            assertThat(StudentT.cornishFisher(FamilyWise.normalQuantile(p), df)).as("p %s", p).isCloseTo(series, within(1e-5));
            assertThat(StudentT.quantile(p, df + 1)).as("p %s", p).isLessThan(series).isCloseTo(series, within(1e-3));
        }
        assertThat(StudentT.quantile(1 - 0.025 / 77, 100_000_000)).isCloseTo(FamilyWise.normalQuantile(1 - 0.025 / 77), within(1e-6));
    }

    @Test
    void outsideItsDomain_itRefuses() {
        assertThatThrownBy(() -> StudentT.quantile(0.975, 0)).hasMessageContaining("degrees of freedom must be at least 1, got 0");
        assertThatThrownBy(() -> StudentT.quantile(1, 5)).hasMessageContaining("p must lie in [0.5, 1), got 1.0");
        assertThatThrownBy(() -> StudentT.quantile(0.4, 5)).hasMessageContaining("p must lie in [0.5, 1), got 0.4");
    }
}
