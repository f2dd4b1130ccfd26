package arena.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The vector kernel's span: a whole number of spans takes a fresh survivor to {@code nMax} with the least overshoot. */
class VectorKernelSpanTest {

    @Test
    void theSeedCase_splitsExactly() {
        // n_max 1000 after a first pass of 32: 968 = 22 * 44
        assertThat(VectorKernel.span(968)).isEqualTo(44);
        assertThat(968 % VectorKernel.span(968)).isZero();
    }

    @Test
    void aShortRest_isOneSpan() {
        for (int rest = 1; rest <= 32; rest++) {
            assertThat(VectorKernel.span(rest)).isEqualTo(rest);
        }
    }

    @Test
    void everyRest_getsASpanNear32_thatOvershootsByLessThanOneUpdatePerSpan() {
        for (int rest = 33; rest <= 20_000; rest++) {
            int span = VectorKernel.span(rest);
            int spans = (rest + span - 1) / span;
            assertThat(span).as("span of %d", rest).isBetween(16, 48);
            assertThat(spans * span - rest).as("overshoot of %d", rest).isLessThan(spans);
        }
    }
}
