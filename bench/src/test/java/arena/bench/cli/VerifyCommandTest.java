package arena.bench.cli;


import arena.core.StrategyRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void aGoldenFileStartingWithAByteOrderMark_isVerified(@TempDir Path dir) throws Exception {
        String rows = String.join("\n", arena.core.GoldenCsv.HEADER,
                "1,-0.8,0.156,1.5,4.0,1000,4,0,0.0,1,1,1b897dddd4c151e2a2e6e3e91b7ea0f7fc4fd5ed00ef1c9669e8566393a02586",
                "2,0.285,0.01,1.5,4.0,1000,33,0,0.0,1,21,17ff9f688cbd774de503514ba958c8c65b856417d4ef63e96517ef881699e9fa") + "\n";
        Path golden = Files.writeString(dir.resolve("bom.csv"), "\uFEFF" + rows);
        CliRunner run = CliRunner.run("verify", "--golden", golden.toString(), "--strategies", "threads", "--threads", "2", "--schedules", "static:1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("problem: resolution=1 ").contains("problem: resolution=2 ").contains("matches the golden case")
                .endsWith("all identical" + System.lineSeparator());
    }

    @Test
    void aGoldenCaseBeyondTheHeap_isRefusedBeforeAnyCaseIsComputed(@TempDir Path dir) throws Exception {
        Path golden = Files.writeString(dir.resolve("big.csv"), String.join("\n", arena.core.GoldenCsv.HEADER,
                "1,-0.8,0.156,1.5,4.0,1000,4,0,0.0,1,1,1b897dddd4c151e2a2e6e3e91b7ea0f7fc4fd5ed00ef1c9669e8566393a02586",
                "46339,0.1,0.2,1.5,4.0,10,4,0,0.0,1,1," + "a".repeat(64)) + "\n");
        long start = System.nanoTime();
        CliRunner run = CliRunner.run("verify", "--golden", golden.toString(), "--strategies", "threads", "--threads", "1");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().strip()).doesNotContain("\n").doesNotContain("OutOfMemoryError")
                .startsWith("arena verify: --golden: golden file " + golden + ", case resolution=46339 ")
                .contains("resolution 46339 needs").contains("ARENA_JAVA_OPTS=-Xmx");
        assertThat(run.out()).isEmpty();
        assertThat(System.nanoTime() - start).isLessThan(10_000_000_000L);
    }
}
