package arena.bench.cli;

import arena.bench.report.ResultsFixture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code arena diff} of JMH JSON result files: the baseline is a real two-fork {@code arena jmh}
 * run (one parameter set of ComputeBenchmark, a few seconds); the other files are that run with its
 * scores made steady and then changed, so each test knows the answer.
 */
class JmhDiffCommandTest {

    @TempDir
    static Path dir;

    static Path baseline;

    @BeforeAll
    static void runJmhOnce() {
        baseline = dir.resolve("jmh.json");
        CliRunner run = CliRunner.run("jmh", "-f", "2", "-wi", "1", "-i", "3", "-w", "100ms", "-r", "100ms",
                "-p", "resolution=40", "-p", "threads=1", "-p", "strategy=threads", "-p", "schedule=dynamic:1",
                "-rf", "json", "-rff", baseline.toString(), "ComputeBenchmark");
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void theSameRunDiffedWithItself_isSame_exit0() throws Exception {
        Path copy = write("copy.json", load());

        CliRunner run = CliRunner.run("diff", baseline.toString(), copy.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = ResultsFixture.JSON.readTree(run.out());
        assertThat(json.get("kind").asText()).isEqualTo("jmh");
        assertThat(json.get("interval_level").asDouble()).as("all %d pairs together at 95%%", json.get("pairs").size())
                .isCloseTo(1 - 0.05 / json.get("pairs").size(), within(1e-6));
        JsonNode pair = json.get("pairs").get(0);
        assertThat(pair.get("benchmark").asText()).startsWith("ComputeBenchmark.compute(").contains("resolution=40, schedule=dynamic:1, "
                + "strategy=threads, threads=1");
        assertThat(pair.get("mode").asText()).isEqualTo("avgt");
        assertThat(pair.get("ratio").asDouble()).isEqualTo(1.0);
        // a real run's iterations on a shared machine may be too noisy for "same": never slower or faster
        assertThat(pair.get("verdict").asText()).isIn("same", "inconclusive");
        assertThat(pair.get("inverted").asBoolean()).isFalse();
    }

    @Test
    void everyScoreThirtyPercentHigherInAverageTime_isSlower_exit5_andTheTextSaysJmh() throws Exception {
        Path steady = write("steady.json", steady(load()));
        ArrayNode slower = steady(load());
        mapScores(slower, ms -> ms * 1.3);
        Path current = write("slower.json", slower);

        CliRunner run = CliRunner.run("diff", steady.toString(), current.toString());

        assertThat(run.exitCode()).as(run.err() + run.out()).isEqualTo(ExitCode.SLOWER);
        assertThat(run.out()).contains("(JMH)").contains("hierarchical bootstrap interval (JMH's forks, then the iterations within each; at least the Student-t interval of the forks' pooled spread at that level)")
                .contains("1 slower, 0 faster, 0 same");
        assertThat(CliRunner.run("diff", steady.toString(), current.toString(), "--format", "markdown").out())
                .contains("| **slower** |");
    }

    @Test
    void oneOfTwoForksTwelvePercentSlower_widensTheInterval_soItIsNotCalledSlower() throws Exception {
        Path steady = write("steady-too.json", steady(load()));
        ArrayNode shifted = steady(load());
        ArrayNode secondFork = (ArrayNode) shifted.get(0).get("primaryMetric").get("rawData").get(1);
        for (int i = 0; i < secondFork.size(); i++) {
            secondFork.set(i, secondFork.get(i).asDouble() * 1.12);
        }
        Path current = write("shifted.json", shifted);

        CliRunner run = CliRunner.run("diff", steady.toString(), current.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode pair = ResultsFixture.JSON.readTree(run.out()).get("pairs").get(0);
        assertThat(pair.get("verdict").asText()).isEqualTo("inconclusive");
        assertThat(pair.get("ratio").asDouble()).isCloseTo(1.06, within(0.01));
        assertThat(pair.get("ci_low").asDouble()).isLessThanOrEqualTo(1.0);
    }

    @Test
    void throughputThirtyPercentHigher_isFaster_withTheRatioInvertedToTimeLike_andSaysSo() throws Exception {
        ArrayNode base = steady(load());
        asThroughput(base);
        Path thrptBase = write("thrpt-base.json", base);
        ArrayNode more = steady(load());
        asThroughput(more);
        mapScores(more, ops -> ops * 1.3);
        Path thrptCur = write("thrpt-cur.json", more);

        CliRunner run = CliRunner.run("diff", thrptBase.toString(), thrptCur.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode pair = ResultsFixture.JSON.readTree(run.out()).get("pairs").get(0);
        assertThat(pair.get("verdict").asText()).isEqualTo("faster");
        assertThat(pair.get("inverted").asBoolean()).isTrue();
        assertThat(pair.get("ratio").asDouble()).isCloseTo(1 / 1.3, within(0.001));
        assertThat(CliRunner.run("diff", thrptBase.toString(), thrptCur.toString()).out())
                .contains("baseline / current for thrpt (a bigger throughput is faster)");
    }

    @Test
    void aJmhFileAgainstAResultsJson_isBadInput_inOneLineNamingCurrent() {
        Path results = ResultsFixture.copy(dir, ResultsFixture.BASELINE);

        CliRunner run = CliRunner.run("diff", baseline.toString(), results.toString());

        assertBadInputInOneLine(run, "current", "is a results.json but baseline", "is a JMH result file");
    }

    @Test
    void aResultsJsonAgainstAJmhFile_andAMissingCurrent_areBadInput_eachInOneLine() {
        Path results = ResultsFixture.copy(dir, ResultsFixture.BASELINE);

        CliRunner mixed = CliRunner.run("diff", results.toString(), baseline.toString());
        CliRunner missing = CliRunner.run("diff", baseline.toString(), dir.resolve("nosuch.json").toString());

        assertBadInputInOneLine(mixed, "is a JMH result file but baseline", "is a results.json");
        assertBadInputInOneLine(missing, "nosuch.json is not a readable file");
    }

    @Test
    void anEntryWithoutPerForkRawData_isBadInput_namingTheField() throws Exception {
        ArrayNode broken = load();
        ((ObjectNode) broken.get(0).get("primaryMetric")).remove("rawData");
        Path current = write("no-raw.json", broken);

        CliRunner run = CliRunner.run("diff", baseline.toString(), current.toString());

        assertBadInputInOneLine(run, "no-raw.json: [0].primaryMetric.rawData must be a non-empty array of forks");
    }

    @Test
    void aPairInAnotherModeOrUnit_isBadInput() throws Exception {
        ArrayNode other = load();
        ((ObjectNode) other.get(0).get("primaryMetric")).put("scoreUnit", "us/op");
        Path current = write("unit.json", other);

        CliRunner run = CliRunner.run("diff", baseline.toString(), current.toString());

        assertBadInputInOneLine(run, "current", "(us/op), baseline in mode avgt (ms/op)");
    }

    @Test
    void anotherJdkVersion_isRefused_unlessAllowed_thenNoted() throws Exception {
        ArrayNode other = load();
        ((ObjectNode) other.get(0)).put("jdkVersion", "21.0.1");
        Path current = write("jdk.json", other);

        CliRunner refused = CliRunner.run("diff", baseline.toString(), current.toString());
        CliRunner allowed = CliRunner.run("diff", baseline.toString(), current.toString(), "--allow-env-change");

        assertThat(refused.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(refused.err()).contains("vs 21.0.1").contains("--allow-env-change");
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        assertThat(allowed.out()).contains("environment changed (--allow-env-change): jdkVersion: ").contains(" vs 21.0.1");
    }

    @Test
    void sidecarsNamingAnotherCoreCount_areRefused_unlessAllowed() throws Exception {
        ObjectNode sidecar = (ObjectNode) ResultsFixture.JSON.readTree(dir.resolve("jmh.env.json").toFile());
        int cores = sidecar.get("environment").get("cores").asInt();
        ((ObjectNode) sidecar.get("environment")).put("cores", cores + 14);
        write("elsewhere.env.json", sidecar);
        Path current = write("elsewhere.json", load());

        CliRunner refused = CliRunner.run("diff", baseline.toString(), current.toString());
        CliRunner allowed = CliRunner.run("diff", baseline.toString(), current.toString(), "--allow-env-change");

        assertBadInputInOneLine(refused, "cores: " + cores + " vs " + (cores + 14), "--allow-env-change");
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        assertThat(allowed.out()).contains("environment changed (--allow-env-change): cores: " + cores + " vs " + (cores + 14));
    }

    private static void assertBadInputInOneLine(CliRunner run, String... fragments) {
        assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains(fragments);
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    private static ArrayNode load() throws IOException {
        return (ArrayNode) ResultsFixture.JSON.readTree(baseline.toFile());
    }

    private static Path write(String name, JsonNode json) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, json.toString());
        return file;
    }

    /**
     * The run with its iteration scores replaced by steady ones (10 ms/op within 1%, the same in every
     * fork), so that a change of known size is far outside the interval; the real run's structure,
     * parameters and JVM fields stay.
     */
    private static ArrayNode steady(ArrayNode jmh) {
        double[] wobble = {1.0, 1.01, 0.99, 1.005, 0.995};
        for (JsonNode fork : jmh.get(0).get("primaryMetric").get("rawData")) {
            ArrayNode scores = (ArrayNode) fork;
            for (int i = 0; i < scores.size(); i++) {
                scores.set(i, 10 * wobble[i % wobble.length]);
            }
        }
        return jmh;
    }

    private static void mapScores(ArrayNode jmh, DoubleUnaryOperator change) {
        for (JsonNode fork : jmh.get(0).get("primaryMetric").get("rawData")) {
            ArrayNode scores = (ArrayNode) fork;
            for (int i = 0; i < scores.size(); i++) {
                scores.set(i, change.applyAsDouble(scores.get(i).asDouble()));
            }
        }
    }

    /** The run as if measured in throughput mode: operations per millisecond, the inverse of milliseconds per operation. */
    private static void asThroughput(ArrayNode jmh) {
        ((ObjectNode) jmh.get(0)).put("mode", "thrpt");
        ((ObjectNode) jmh.get(0).get("primaryMetric")).put("scoreUnit", "ops/ms");
        mapScores(jmh, ms -> 1 / ms);
    }
}
