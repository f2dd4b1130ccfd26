package arena.core;

import arena.core.input.InvalidInputException;
import arena.core.problem.JuliaParams;
import arena.core.testkit.GoldenCases;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

class GoldenTest {

    @TestFactory
    Stream<DynamicTest> sequentialStrategy_reproducesEveryGoldenCase() {
        Strategy sequential = new SequentialStrategy(StrategyConfig.threads(1));
        return GoldenCases.all().stream().map(golden -> dynamicTest(golden.params().toString(), () -> {
            CountGrid grid = sequential.compute(golden.params(), Execution.reference());
            GridSummary actual = GridSummary.of(grid, golden.params().nMax());
            assertThat(actual).isEqualTo(golden.expected());
            assertThat(sequential.fraction(grid, golden.params().nMax())).isEqualTo(golden.expected().fraction());
        }));
    }

    @Test
    void goldenFile_holdsTheNineSharedCases_startingWithTheSeedsCase() {
        assertThat(GoldenCases.all()).hasSize(9);
        assertThat(GoldenCases.all().get(0).params()).isEqualTo(JuliaParams.chapterCase());
        assertThat(GoldenCases.all().get(0).expected().sha256())
                .isEqualTo("07bf3a552107358388c5fe9ee2fbeebce4e99a0c0bbe8a15a5039b8bd76ad418");
    }

    @Test
    void bundledCopy_isTheSameAsTheTestCopy() throws IOException {
        try (InputStream bundled = GoldenCsv.class.getResourceAsStream("/arena/golden/julia-golden.csv");
             InputStream test = GoldenCsv.class.getResourceAsStream("/golden/julia-golden.csv")) {
            assertThat(bundled.readAllBytes()).isEqualTo(test.readAllBytes());
        }
        assertThat(GoldenCsv.bundled()).isEqualTo(GoldenCases.all());
        assertThat(GoldenCsv.bundledCaseFor(JuliaParams.chapterCase())).isPresent();
    }

    @Test
    void parse_reportsTheLineAndColumnAtFault() {
        String header = GoldenCsv.HEADER + "\n";
        assertThatThrownBy(() -> GoldenCsv.parse(new StringReader("resolution,c_re\n1,2\n"), "x.csv"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("header");
        assertThatThrownBy(() -> GoldenCsv.parse(new StringReader(header + "1,0.1,0.2,1.5,4.0,1000,4,0,0.0,1,1\n"), "x.csv"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("line 2 has 11 columns");
        assertThatThrownBy(() -> GoldenCsv.parse(new StringReader(header + "1,zero,0.2,1.5,4.0,1000,4,0,0.0,1,1," + "a".repeat(64) + "\n"), "x.csv"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("column c_re must be a number");
        assertThatThrownBy(() -> GoldenCsv.parse(new StringReader(header + "1,0.1,0.2,1.5,4.0,1000,4,0,0.0,1,1,XYZ\n"), "x.csv"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("column sha256");
        assertThatThrownBy(() -> GoldenCsv.parse(new StringReader(header + "0,0.1,0.2,1.5,4.0,1000,4,0,0.0,1,1," + "a".repeat(64) + "\n"), "x.csv"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("line 2: resolution");
    }

    @Test
    void aFileStartingWithAByteOrderMark_isReadLikeOneWithout() throws Exception {
        String body = GoldenCsv.HEADER + "\n1,-0.8,0.156,1.5,4.0,1000,4,0,0.0,1,1,1b897dddd4c151e2a2e6e3e91b7ea0f7fc4fd5ed00ef1c9669e8566393a02586\n";
        assertThat(GoldenCsv.parse(new StringReader("\uFEFF" + body), "bom.csv")).isEqualTo(GoldenCsv.parse(new StringReader(body), "plain.csv"))
                .singleElement().satisfies(c -> assertThat(c.params().resolution()).isEqualTo(1));
    }

    @Test
    void numbersInAGoldenFile_followTheCommandLineRule() {
        String header = GoldenCsv.HEADER + "\n";
        String rest = ",0.1,0.2,1.5,4.0,1000,4,0,0.0,1,1," + "a".repeat(64) + "\n";
        for (String odd : new String[] {"+5", " 5", "5 ", "\u0665", "\uFF15", "0x5", "5d", "5f", "1_000", "0x1p1"}) {
            assertThatThrownBy(() -> GoldenCsv.parse(new StringReader(header + odd + rest), "x.csv")).as("'%s'", odd)
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("line 2: column resolution must be a whole number");
        }
        String badReal = header + "5,0x1p-2,0.2,1.5,4.0,1000,4,0,0.0,1,1," + "a".repeat(64) + "\n";
        assertThatThrownBy(() -> GoldenCsv.parse(new StringReader(badReal), "x.csv"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("column c_re must be a number");
    }
}
