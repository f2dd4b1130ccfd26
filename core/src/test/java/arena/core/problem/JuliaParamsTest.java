package arena.core.problem;

import arena.core.input.InvalidInputException;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JuliaParamsTest {

    @Test
    void seedCase_isTheSeedsCall() {
        JuliaParams chapter = JuliaParams.chapterCase();
        assertThat(chapter).isEqualTo(new JuliaParams(1000, 0.322, 0.05, 1.5, 4.0, 1000));
        assertThat(chapter.size()).isEqualTo(1001);
        assertThat(chapter.cellCount()).isEqualTo(1001 * 1001);
        assertThat(chapter.step()).isEqualTo(3.0 / 1000);
    }

    @Test
    void largestResolution_fitsOneIntArray() {
        JuliaParams largest = JuliaParams.chapterCase().withResolution(JuliaParams.MAX_RESOLUTION);
        assertThat((long) largest.size() * largest.size()).isLessThanOrEqualTo(Integer.MAX_VALUE - 8);
        assertThatThrownBy(() -> JuliaParams.chapterCase().withResolution(JuliaParams.MAX_RESOLUTION + 1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("fit in one int array");
    }

    @Test
    void nMaxZero_isAllowed() {
        assertThat(JuliaParams.chapterCase().withNMax(0).nMax()).isZero();
    }

    @Test
    void badValues_areRejectedNamingTheParameterAndItsRange() {
        assertRejected("resolution", "between 1 and 46339", () -> new JuliaParams(0, 0, 0, 1.5, 4, 10));
        assertRejected("resolution", "between 1 and 46339", () -> new JuliaParams(-5, 0, 0, 1.5, 4, 10));
        assertRejected("c", "finite", () -> new JuliaParams(10, Double.NaN, 0, 1.5, 4, 10));
        assertRejected("c", "finite", () -> new JuliaParams(10, 0, Double.POSITIVE_INFINITY, 1.5, 4, 10));
        assertRejected("bound", "> 0", () -> new JuliaParams(10, 0, 0, 0, 4, 10));
        assertRejected("bound", "> 0", () -> new JuliaParams(10, 0, 0, -1, 4, 10));
        assertRejected("bound", "finite", () -> new JuliaParams(10, 0, 0, Double.NaN, 4, 10));
        assertRejected("z-max", "> 0", () -> new JuliaParams(10, 0, 0, 1.5, 0, 10));
        assertRejected("z-max", "finite", () -> new JuliaParams(10, 0, 0, 1.5, Double.POSITIVE_INFINITY, 10));
        assertRejected("n-max", ">= 0", () -> new JuliaParams(10, 0, 0, 1.5, 4, -1));
    }

    private static void assertRejected(String parameter, String allowed, Runnable construction) {
        assertThatThrownBy(construction::run)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(parameter + " ")
                .hasMessageContaining(allowed)
                .extracting(e -> ((InvalidInputException) e).parameter()).isEqualTo(parameter);
    }
}
