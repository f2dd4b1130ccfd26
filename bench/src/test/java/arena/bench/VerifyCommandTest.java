package arena.bench;

import static org.assertj.core.api.Assertions.assertThat;

import arena.core.StrategyRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void defaultSelection_onAGoldenCase_isAllIdentical_asJson() throws Exception {
        CliRunner run = CliRunner.run("verify", "--resolution", "100", "--c", "0", "--threads", "1,3", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("all_identical").asBoolean()).isTrue();
        assertThat(json.get("reference").get("sha256").asText()).isEqualTo("e4b82ff7abbd413e2d827487868a614f8277a8a0061bac6f716adfa7a0dab96f");
        assertThat(json.get("reference").get("golden").asBoolean()).isTrue();
        int expectedRuns = 0;
        for (var provider : StrategyRegistry.discover().defaults()) {
            for (String schedule : SelectionOptions.DEFAULT_SCHEDULES) {
                if (provider.capabilities().supports(arena.core.Schedule.parse(schedule))) {
                    expectedRuns += 2;
                }
            }
        }
        assertThat(json.get("runs")).hasSize(expectedRuns);
        for (JsonNode runNode : json.get("runs")) {
            assertThat(runNode.get("identical").asBoolean()).as(runNode.toString()).isTrue();
            assertThat(runNode.get("sha256").asText()).isEqualTo("e4b82ff7abbd413e2d827487868a614f8277a8a0061bac6f716adfa7a0dab96f");
        }
    }

    @Test
    void wrongStrategy_exitsOne_reportingTheFirstDifferingCell() throws Exception {
        CliRunner run = CliRunner.run(CliRunner.withWrongStrategy(), "verify", "--strategies", "threads,wrong", "--resolution", "40",
                "--threads", "2", "--schedules", "dynamic:1");
        assertThat(run.exitCode()).isEqualTo(ExitCode.RESULT_DIFFERS);
        assertThat(run.out()).contains("first difference at row 3, column 5").contains("(1 cell differ)").contains("DIFFERENCES FOUND");

        CliRunner json = CliRunner.run(CliRunner.withWrongStrategy(), "verify", "--strategies", "wrong", "--resolution", "40", "--format", "json");
        assertThat(json.exitCode()).isEqualTo(ExitCode.RESULT_DIFFERS);
        JsonNode first = JSON.readTree(json.out()).get("runs").get(0).get("first_difference");
        assertThat(first.get("row").asInt()).isEqualTo(3);
        assertThat(first.get("column").asInt()).isEqualTo(5);
        assertThat(first.get("actual").asInt()).isEqualTo(first.get("expected").asInt() + 1);
    }

    @Test
    void goldenFile_runsEveryCase(@TempDir Path dir) throws Exception {
        Path golden = dir.resolve("small.csv");
        try (var in = getClass().getResourceAsStream("/golden/julia-golden.csv")) {
            String all = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            Files.writeString(golden, String.join("\n", all.lines().filter(line -> !line.startsWith("1000,")).toList()));
        }
        CliRunner run = CliRunner.run("verify", "--golden", golden.toString(), "--strategies", "forkjoin", "--threads", "2",
                "--schedules", "split:2", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("cases")).hasSize(8);
        assertThat(json.get("all_identical").asBoolean()).isTrue();
    }

    @Test
    void badGoldenFile_isBadInput(@TempDir Path dir) throws Exception {
        Path golden = dir.resolve("bad.csv");
        Files.writeString(golden, "resolution,c_re\n1,2\n");
        CliRunner run = CliRunner.run("verify", "--golden", golden.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("--golden").contains("header");
        CliRunner missing = CliRunner.run("verify", "--golden", dir.resolve("nope.csv").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    }
}
