package arena.bench.cli;


import arena.bench.report.ReportFiles;
import arena.bench.report.TimelineTrace;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

class CompareCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesEveryReportFile_holdingEveryConfiguration(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("results");
        CliRunner run = CliRunner.run("compare", "--strategies", "threads,forkjoin", "--threads", "1,2", "--schedules", "static:1,dynamic:1", "--kernels", "scalar",
                "--resolution", "60,80", "--repeat", "2", "--warmup", "0", "--budget", "0", "--timeline", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("all results identical").contains("forkjoin").contains("speedup")
                .contains("wrote " + out + ": " + String.join(", ", ReportFiles.NAMES));
        for (String name : ReportFiles.NAMES) {
            assertThat(out.resolve(name)).isNotEmptyFile();
        }
        TraceFile trace = TraceFile.read(out.resolve(TimelineTrace.FILE), process -> process.contains("resolution=80") ? 81 : 61);
        assertThat(trace.processes().values()).as("a process per recorded configuration, named with its problem")
                .hasSize(2 * 8).anyMatch(name -> name.contains("resolution=80") && name.endsWith("forkjoin/scalar/2t/dynamic:1"));
        // 2 problems x (1 baseline + 2 strategies x 2 threads x 2 schedules)
        int configurations = 2 * (1 + 8);
        JsonNode json = JSON.readTree(out.resolve("results.json").toFile());
        assertThat(json.get("schema_version").asInt()).isEqualTo(1);
        assertThat(json.get("environment").get("cores").asInt()).isPositive();
        assertThat(json.get("results")).hasSize(configurations);
        for (JsonNode result : json.get("results")) {
            assertThat(result.get("samples_ms").size()).isEqualTo(result.get("samples").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(result.get("identical").asBoolean()).isTrue();
            assertThat(result.get("kernel").asText()).isEqualTo("scalar");
        }
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertThat(csv).hasSize(configurations + 1);
        assertThat(csv.get(0)).startsWith("resolution,c_re,c_im,bound,z_max,n_max,strategy,kernel,threads,schedule");
        String markdown = Files.readString(out.resolve("report.md"));
        assertThat(markdown).contains("| forkjoin | scalar | 2 | dynamic:1 |").contains("median-times.png");
        assertThat(ImageIO.read(out.resolve(ReportFiles.TIMES_CHART).toFile())).isNotNull();
        assertThat(ImageIO.read(out.resolve(ReportFiles.SPEEDUP_CHART).toFile())).isNotNull();
    }

    @Test
    void stderrWarnsOfStolenCpuTime_exactlyWhenTheResultsCountSamplesThatSawIt() throws Exception {
        CliRunner run = CliRunner.run("compare", "--strategies", "threads", "--threads", "2", "--schedules", "static",
                "--resolution", "200", "--repeat", "5", "--warmup", "0", "--budget", "0", "--forks", "0", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        long stolenSamples = 0;
        long stolenMs = 0;
        for (JsonNode result : JSON.readTree(run.out()).get("results")) {
            org.assertj.core.api.Assumptions.assumeThat(result.get("samples_with_steal").isNull()).as("steal time accounted (Linux)").isFalse();
            stolenSamples += result.get("samples_with_steal").asLong();
            stolenMs += result.get("stolen_ms").asLong();
        }
        // whether this machine's hypervisor steals during the run is its own affair: either way stderr must agree with the results
        if (stolenSamples > 0) {
            assertThat(run.err()).contains(String.format(java.util.Locale.ROOT, "arena compare: warning: the hypervisor took %,d ms of CPU time "
                    + "from this run's CPUs during %d of", stolenMs, stolenSamples));
        } else {
            assertThat(run.err()).doesNotContain("hypervisor");
        }
    }

    @Test
    void jsonFormat_keepsStdoutPureJson() throws Exception {
        CliRunner run = CliRunner.run("compare", "--strategies", "virtual", "--threads", "2", "--schedules", "dynamic:1",
                "--resolution", "30", "--repeat", "1", "--warmup", "0", "--budget", "0", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).get("results")).hasSize(2);
    }

    @Test
    void timelineOption_addsImbalanceAndIdleShareToEveryReport(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("with-timeline");
        CliRunner run = CliRunner.run("compare", "--strategies", "threads", "--threads", "3", "--schedules", "static,dynamic:1",
                "--kernels", "scalar", "--resolution", "300", "--repeat", "1", "--warmup", "0", "--budget", "0", "--timeline",
                "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("imbalance").contains("idle");
        JsonNode json = JSON.readTree(out.resolve("results.json").toFile());
        double staticImbalance = 0;
        double dynamicImbalance = 0;
        for (JsonNode result : json.get("results")) {
            if (result.get("strategy").asText().equals("threads")) {
                assertThat(result.get("imbalance").isNumber()).isTrue();
                assertThat(result.get("idle_share").asDouble()).isBetween(0.0, 1.0);
                if (result.get("schedule").asText().equals("static")) {
                    staticImbalance = result.get("imbalance").asDouble();
                } else {
                    dynamicImbalance = result.get("imbalance").asDouble();
                }
            }
        }
        assertThat(staticImbalance).as("static blocks on the chapter's set at 3 threads").isGreaterThan(dynamicImbalance);
        assertThat(Files.readAllLines(out.resolve("results.csv")).get(0)).contains("imbalance,idle_share");
        assertThat(Files.readString(out.resolve("report.md"))).contains("imbalance");
    }

    @Test
    void wrongStrategy_isReportedNotTimed_andExitsOne() {
        CliRunner run = CliRunner.run(CliRunner.withWrongStrategy(), "compare", "--strategies", "wrong,threads", "--threads", "2",
                "--schedules", "static", "--resolution", "30", "--repeat", "1", "--warmup", "0", "--budget", "0");
        assertThat(run.exitCode()).isEqualTo(ExitCode.RESULT_DIFFERS);
        assertThat(run.out()).contains("NO: first difference at row 3, column 5").contains("DIFFERENCES FOUND");
    }

    @Test
    void outPointingAtAFile_isBadInput_beforeAnyWork(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        CliRunner run = CliRunner.run("compare", "--out", file.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("--out").contains("is a file");
    }

    @Test
    void rerunIntoTheSameDirectory_withAFileArenaDidNotWrite_isRefused_andKeepsTheWholeDirectory(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("set");
        String[] args = {"compare", "--strategies", "threads", "--threads", "1", "--schedules", "static", "--resolution", "20",
                "--repeat", "1", "--warmup", "0", "--budget", "0", "--out", out.toString()};
        assertThat(CliRunner.run(args).exitCode()).isZero();
        String previous = Files.readString(out.resolve("results.json"));
        Files.writeString(out.resolve("stale.txt"), "from an older run");

        CliRunner rerun = CliRunner.run(args);

        assertThat(rerun.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(rerun.err()).contains("--out").contains("holds stale.txt, which arena did not write");
        assertThat(rerun.out()).isEmpty();
        assertThat(out.resolve("stale.txt")).hasContent("from an older run");
        assertThat(out.resolve("results.json")).hasContent(previous);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("set");
        }
    }
}
