package arena.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import arena.bench.report.ResultsFixture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/results.schema.json describes what {@code compare} really writes: real runs, in-process and
 * forked, validate against it, and a field the schema does not name fails it, so a new field must
 * be added to the schema.
 */
class ResultsSchemaTest {

    /** The schema, from the bench module's directory (where the tests run). */
    static final Path RESULTS_SCHEMA = Path.of("..", "docs", "results.schema.json");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(RESULTS_SCHEMA.toFile()));
    }

    private static JsonNode compare(Path out, String... more) throws Exception {
        String[] common = {"compare", "--strategies", "threads,forkjoin", "--threads", "1,2", "--schedules", "static,dynamic:1",
                "--resolution", "40", "--warmup", "0", "--repeat", "2", "--max-repeat", "2", "--budget", "0", "--out", out.toString()};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(common), java.util.Arrays.stream(more)).toArray(String[]::new);
        CliRunner run = CliRunner.run(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(out.resolve("results.json").toFile());
    }

    @Test
    void anInProcessRun_validates(@TempDir Path dir) throws Exception {
        JsonNode results = compare(dir.resolve("in-process"), "--forks", "0");

        assertThat(schema.validate(results)).isEmpty();
    }

    @Test
    void aForkedRun_validates(@TempDir Path dir) throws Exception {
        JsonNode results = compare(dir.resolve("forked"), "--forks", "1", "--timeline");

        assertThat(results.get("order_seed")).isNotNull();
        assertThat(results.get("speed_checks")).isNotEmpty();
        assertThat(schema.validate(results)).isEmpty();
    }

    @Test
    void aFieldTheSchemaDoesNotName_failsIt(@TempDir Path dir) throws Exception {
        ObjectNode results = (ObjectNode) compare(dir.resolve("extra"), "--forks", "0");
        ((ObjectNode) results.get("results").get(0)).put("new_figure", 1.0);

        Set<ValidationMessage> errors = schema.validate(results);

        assertThat(errors).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("new_figure"));
    }

    @Test
    void theCheckedInFixtures_fromOlderReleases_stillValidate() {
        assertThat(schema.validate(ResultsFixture.load(ResultsFixture.BASELINE))).isEmpty();
    }
}
