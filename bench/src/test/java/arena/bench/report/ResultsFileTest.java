package arena.bench.report;

import arena.core.input.InvalidInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static arena.bench.report.ResultsFixture.BASELINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultsFileTest {

    @TempDir
    Path dir;

    @Test
    void readsARealResultsFile() {
        ResultsFile file = ResultsFile.read(ResultsFixture.copy(dir, BASELINE), "baseline");

        assertThat(file.schemaVersion()).isEqualTo(Report.SCHEMA_VERSION);
        assertThat(file.platform().cores()).isPositive();
        assertThat(file.platform().jdkVersion()).isNotBlank();
        assertThat(file.results()).hasSize(5).allSatisfy(entry -> {
            assertThat(entry.identical()).isTrue();
            assertThat(entry.samplesMs()).hasSize(8);
            assertThat(entry.sha256()).hasSize(64);
            assertThat(entry.key().problem()).hasToString("resolution=200 c=0.322+0.05i bound=1.5 z_max=4.0 n_max=1000");
        });
        assertThat(file.results().get(0).key().label()).isEqualTo("sequential/scalar/1t/static");
    }

    @Test
    void anotherSchemaVersion_isRefused_namingTheFile() {
        ObjectNode future = ResultsFixture.load(BASELINE).put("schema_version", 2);
        Path path = ResultsFixture.write(dir, "future.json", future);

        assertThatThrownBy(() -> ResultsFile.read(path, "current")).isInstanceOf(InvalidInputException.class)
                .hasMessage("current " + path + ": schema_version is 2; this arena reads schema_version 1")
                .extracting(e -> ((InvalidInputException) e).parameter()).isEqualTo("current");
    }

    @Test
    void missingOrMistypedField_isNamedWithItsPath() {
        ObjectNode noSha = ResultsFixture.load(BASELINE);
        ((ObjectNode) ResultsFixture.results(noSha).get(1)).remove("sha256");
        ObjectNode textThreads = ResultsFixture.load(BASELINE);
        ((ObjectNode) ResultsFixture.results(textThreads).get(2)).put("threads", "two");
        ObjectNode noCores = ResultsFixture.load(BASELINE);
        ((ObjectNode) noCores.get("environment")).remove("cores");

        assertThatThrownBy(() -> ResultsFile.read(ResultsFixture.write(dir, "a.json", noSha), "baseline"))
                .hasMessageEndingWith("a.json: results[1].sha256 is missing");
        assertThatThrownBy(() -> ResultsFile.read(ResultsFixture.write(dir, "b.json", textThreads), "baseline"))
                .hasMessageEndingWith("b.json: results[2].threads must be a whole number, got \"two\"");
        assertThatThrownBy(() -> ResultsFile.read(ResultsFixture.write(dir, "c.json", noCores), "baseline"))
                .hasMessageEndingWith("c.json: environment.cores is missing");
    }

    @Test
    void notJson_orMissing_isRefused() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"schema_version\": 1,");
        assertThatThrownBy(() -> ResultsFile.read(broken, "baseline")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("baseline " + broken + " is not valid JSON: ");
        assertThatThrownBy(() -> ResultsFile.read(dir, "baseline")).hasMessage("baseline " + dir + " is not a readable file");
    }

    @Test
    void aRepeatedConfiguration_isRefused() {
        ObjectNode twice = ResultsFixture.load(BASELINE);
        ResultsFixture.results(twice).add(ResultsFixture.results(twice).get(0).deepCopy());

        assertThatThrownBy(() -> ResultsFile.read(ResultsFixture.write(dir, "twice.json", twice), "baseline"))
                .hasMessageContaining("results[5] repeats the configuration sequential/scalar/1t/static on resolution=200");
    }

    @Test
    void aMistypedFigure_orAnImpossibleProblem_isRefused_namingTheFile() {
        ObjectNode mistyped = ResultsFixture.load(BASELINE);
        ((ObjectNode) ResultsFixture.results(mistyped).get(0)).put("median_ms", "fast");
        ObjectNode impossible = ResultsFixture.load(BASELINE);
        ((ObjectNode) ResultsFixture.results(impossible).get(3)).put("resolution", 0);

        assertThatThrownBy(() -> ResultsFile.read(ResultsFixture.write(dir, "d.json", mistyped), "current"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("d.json is not a results.json this arena reads: ").hasMessageContaining("fast");
        assertThatThrownBy(() -> ResultsFile.read(ResultsFixture.write(dir, "e.json", impossible), "current"))
                .hasMessageContaining("e.json: results[3] is not a valid problem: resolution must be between 1 and");
    }

    @Test
    void anAbsentSpeedup_readsAsNull_andAnOlderZeroAsZero() {
        ObjectNode document = ResultsFixture.load(BASELINE);
        ((ObjectNode) ResultsFixture.results(document).get(1)).putNull("speedup");
        ((ObjectNode) ResultsFixture.results(document).get(2)).put("speedup", 0.0);

        ResultsFile file = ResultsFile.read(ResultsFixture.write(dir, "f.json", document), "baseline");

        assertThat(file.results().get(1).speedup()).isNull();
        assertThat(file.results().get(2).speedup()).isZero();
        assertThat(file.results().get(0).speedup()).isPositive();
    }
}
