package arena.core.problem;

import arena.core.input.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComplexTest {

    @Test
    void parse_readsTheFormsPeopleWrite() {
        assertThat(Complex.parse("0.322+0.05i")).isEqualTo(new Complex(0.322, 0.05));
        assertThat(Complex.parse("0.322+0.05j")).isEqualTo(new Complex(0.322, 0.05));
        assertThat(Complex.parse("-0.8-0.156i")).isEqualTo(new Complex(-0.8, -0.156));
        assertThat(Complex.parse("0.5")).isEqualTo(new Complex(0.5, 0));
        assertThat(Complex.parse("2i")).isEqualTo(new Complex(0, 2));
        assertThat(Complex.parse("-2j")).isEqualTo(new Complex(0, -2));
        assertThat(Complex.parse("1e-3-2E-2i")).isEqualTo(new Complex(1e-3, -2e-2));
        assertThat(Complex.parse("0.5+0.25i")).isEqualTo(new Complex(0.5, 0.25));
    }

    @Test
    void toString_readsBackToTheSameDoubles() {
        for (Complex c : List.of(new Complex(0.322, 0.05), new Complex(-0.8, -0.156), new Complex(0, 0), new Complex(1e-300, -7.5e12))) {
            assertThat(Complex.parse(c.toString())).isEqualTo(c);
        }
    }

    @Test
    void parse_rejectsAnythingElse_namingC() {
        for (String bad : List.of("", "   ", "1+", "i2", "0.3+0.1k", "i", "1+2", "abc", "1..2", "0.3+0.1ii", "nan", "Infinity", "1e999", "1e999i",
                " 1e-3-2E-2i", "1 + 2i", ".5+.25i", "5.", "+0.5", "0x1p-2", "1.5d", "١.٥", "５i")) {
            assertThatThrownBy(() -> Complex.parse(bad))
                    .as("'%s'", bad)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("c ")
                    .extracting(e -> ((InvalidInputException) e).parameter()).isEqualTo("c");
        }
    }
}
