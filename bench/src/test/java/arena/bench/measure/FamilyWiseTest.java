package arena.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import arena.bench.measure.Bootstrap.Interval;
import org.junit.jupiter.api.Test;

/** Bonferroni's correction for a diff's many pairs, with known answers. */
class FamilyWiseTest {

    @Test
    void theNormalQuantile_hasItsKnownValues_inTheMiddleAndInBothTails() {
        assertThat(FamilyWise.normalQuantile(0.5)).isCloseTo(0, within(1e-9));
        assertThat(FamilyWise.normalQuantile(0.975)).isCloseTo(1.959963985, within(1e-7));
        assertThat(FamilyWise.normalQuantile(0.999)).isCloseTo(3.090232306, within(1e-7));
        assertThat(FamilyWise.normalQuantile(0.0005)).isCloseTo(-3.290526731, within(1e-7));
        assertThat(FamilyWise.normalQuantile(0.1)).isCloseTo(-1.281551566, within(1e-7));
        assertThatThrownBy(() -> FamilyWise.normalQuantile(1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onePair_keepsItsNinetyFivePercentInterval() {
        FamilyWise one = new FamilyWise(1);
        Interval interval = new Interval(1.2, 1.1, 1.3);

        assertThat(one.pairLevel()).isEqualTo(0.95);
        assertThat(one.scale()).isEqualTo(1);
        assertThat(one.widen(interval)).isEqualTo(interval);
    }

    @Test
    void twentyFivePairs_takeEachAt99Point8Percent_soEachEndGoes1Point58TimesAsFarInLogSpace() {
        FamilyWise together = new FamilyWise(25);
        Interval widened = together.widen(new Interval(1.2, 1.1, 1.3));

        assertThat(together.pairLevel()).isCloseTo(0.998, within(1e-12));
        assertThat(together.scale()).isCloseTo(3.090232306 / 1.959963985, within(1e-6));
        assertThat(widened.estimate()).isEqualTo(1.2);
        assertThat(Math.log(widened.low() / 1.2)).isCloseTo(together.scale() * Math.log(1.1 / 1.2), within(1e-12));
        assertThat(Math.log(widened.high() / 1.2)).isCloseTo(together.scale() * Math.log(1.3 / 1.2), within(1e-12));
        assertThat(new FamilyWise(77).scale()).isGreaterThan(together.scale()).isLessThan(1.8);
    }

    @Test
    void noPairs_isRefused() {
        assertThatThrownBy(() -> new FamilyWise(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }
}
