package arena.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Student's t quantiles against the printed tables, in the middle and in the far tails. */
class StudentTTest {

    /** Printed tables (p, degrees of freedom, quantile, its decimals): 95% intervals, then far tails. */
    private static final double[][] TABLE = {
        {0.975, 1, 12.7062, 4}, {0.975, 2, 4.3027, 4}, {0.975, 9, 2.2622, 4}, {0.975, 24, 2.0639, 4}, {0.975, 120, 1.9799, 4},
        {0.975, 100_000, 1.9600, 4},
        {0.9995, 1, 636.619, 3}, {0.999, 2, 22.327, 3}, {0.995, 9, 3.250, 3}, {0.9995, 30, 3.646, 3}};

    @Test
    void quantiles_matchThePrintedTables_inTheMiddleAndInFarTails() {
        for (double[] row : TABLE) {
            assertThat(StudentT.quantile(row[0], (int) row[1])).as("p %s, %s degrees of freedom", row[0], (int) row[1])
                    .isCloseTo(row[2], within(Math.pow(10, -row[3])));
        }
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
