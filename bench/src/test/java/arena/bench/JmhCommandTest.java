package arena.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JMH suite through the real CLI entry point, in a real forked JVM, on a tiny grid. */
class JmhCommandTest {

    @Test
    void quickPass_runsAForkedBenchmark_andWritesJsonResults(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("jmh.json");
        CliRunner run = CliRunner.run("jmh", "-f", "1", "-wi", "1", "-i", "2", "-w", "200ms", "-r", "200ms",
                "-p", "resolution=40", "-p", "threads=2", "-p", "strategy=threads,reactor", "-p", "schedule=dynamic:1",
                "-rf", "json", "-rff", results.toString(), "ComputeBenchmark");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(results.toFile());
        assertThat(json).hasSize(2);
        for (JsonNode benchmark : json) {
            assertThat(benchmark.get("benchmark").asText()).endsWith("ComputeBenchmark.compute");
            assertThat(benchmark.get("forks").asInt()).isEqualTo(1);
            assertThat(benchmark.get("primaryMetric").get("score").asDouble()).isPositive();
        }
    }

    @Test
    void badJmhOption_isBadInput() {
        CliRunner run = CliRunner.run("jmh", "-f", "notanumber");
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("--jmh");
    }
}
