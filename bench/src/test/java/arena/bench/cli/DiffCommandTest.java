package arena.bench.cli;


import arena.bench.report.ResultsFixture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static arena.bench.report.ResultsFixture.BASELINE;
import static arena.bench.report.ResultsFixture.CURRENT;
import static org.assertj.core.api.Assertions.assertThat;

class DiffCommandTest {

    @TempDir
    Path dir;

    @Test
    void aForkLevelShift_widensTheInterval_soTheSameBuildIsNotCalledSlower() throws Exception {
        ObjectNode base = ResultsFixture.load(BASELINE);
        ResultsFixture.twoForks(ResultsFixture.result(base, "sequential", 1, "static"), ms -> ms);
        ObjectNode cur = ResultsFixture.load(BASELINE);
        // the same build, one of its two JVMs 12% slower throughout
        ResultsFixture.twoForks(ResultsFixture.result(cur, "sequential", 1, "static"), ms -> ms * 1.12);
        Path baseline = ResultsFixture.write(dir, "forked-base.json", base);
        Path current = ResultsFixture.write(dir, "forked-cur.json", cur);

        CliRunner forked = CliRunner.run("diff", baseline.toString(), current.toString(), "--format", "json");

        assertThat(forked.exitCode()).as(forked.err()).isZero();
        JsonNode pair = pair(ResultsFixture.JSON.readTree(forked.out()), "sequential");
        assertThat(pair.get("verdict").asText()).isEqualTo("inconclusive");
        assertThat(pair.get("ratio").asDouble()).isCloseTo(1.06, org.assertj.core.api.Assertions.within(0.01));
        assertThat(pair.get("ci_low").asDouble()).isLessThanOrEqualTo(1.0);

        assertThat(pair.get("ci_high").asDouble()).isGreaterThanOrEqualTo(1.10);
    }

    @Test
    void anEightPercentShift_againstATwoPercentForkSpread_isStillSlower_andTheHeaderGivesTheSpread() throws Exception {
        Path baseline = forkedFile("spread-base.json", 1.00, 1.03);
        Path current = forkedFile("spread-cur.json", 1.08, 1.11);

        CliRunner run = CliRunner.run("diff", baseline.toString(), current.toString());

        assertThat(run.exitCode()).as(run.err() + run.out()).isEqualTo(ExitCode.SLOWER);
        assertThat(run.out()).containsPattern("fork-to-fork spread \\(standard deviation of a fork.s median\\), pooled per kernel over both files: scalar 2\\.\\d%")
                .contains("every interval is at least the Student-t interval it implies");
        assertThat(run.out()).containsPattern("sequential +scalar +1 static .* slower");
    }

    @Test
    void forksThreePercentApart_makeTwoForksInconclusive_andTheHeaderSaysHowManyForksWouldTell() throws Exception {
        Path baseline = forkedFile("wide-base.json", 1.00, 1.03);
        Path current = forkedFile("wide-cur.json", 1.01, 1.04);

        CliRunner run = CliRunner.run("diff", baseline.toString(), current.toString());

        assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
        assertThat(run.out()).contains("0 slower, 0 faster, 0 same").containsPattern("to tell a 5% change at this spread, measure about "
                + "1\\d forks per configuration \\(--forks\\)");
    }

    @Test
    void aFifteenPercentForkSpread_wouldTakeMoreForksThanAllowed_andTheHeaderSaysSo() throws Exception {
        Path baseline = forkedFile("noisy-base.json", 1.00, 1.15);
        Path current = forkedFile("noisy-cur.json", 1.02, 1.17);

        CliRunner run = CliRunner.run("diff", baseline.toString(), current.toString());

        assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
        assertThat(run.out()).contains("0 slower, 0 faster, 0 same").containsPattern("would take about \\d+ forks per configuration, "
                + "more than --forks allows \\(20\\): measure on a quieter machine");
    }

    /** The baseline fixture with every configuration in two forks: its samples times {@code first}, then times {@code second}. */
    private Path forkedFile(String name, double first, double second) {
        ObjectNode document = ResultsFixture.load(BASELINE);
        for (JsonNode result : ResultsFixture.results(document)) {
            ResultsFixture.mapSamples((ObjectNode) result, ms -> ms * first);
            ResultsFixture.twoForks((ObjectNode) result, ms -> ms / first * second);
        }
        return ResultsFixture.write(dir, name, document);
    }

    @Test
    void filesMeasuredInOneJvm_countAsOneForkPerConfiguration_andTheHeaderSaysSo() throws Exception {
        Path baseline = ResultsFixture.copy(dir, BASELINE);
        Path current = ResultsFixture.copy(dir, CURRENT);

        String text = CliRunner.run("diff", baseline.toString(), current.toString()).out();
        assertThat(text).contains("baseline " + baseline + ": one fork per configuration")
                .contains("current " + current + ": one fork per configuration");
        assertThat(CliRunner.run("diff", baseline.toString(), current.toString(), "--format", "markdown").out())
                .contains(": one fork per configuration (measured in-process, or an older file)");
        assertThat(ResultsFixture.JSON.readTree(CliRunner.run("diff", baseline.toString(), current.toString(), "--format", "json").out())
                .get("fork_notes")).hasSize(2);
    }

    @Test
    void aFileWhoseSamplesSawStolenCpuTime_isNamedInTheHeader_withHowManyAndHowMuch() throws Exception {
        Path baseline = ResultsFixture.copy(dir, BASELINE);
        ObjectNode document = ResultsFixture.load(CURRENT);
        long samples = 0;
        for (JsonNode result : ResultsFixture.results(document)) {
            ((ObjectNode) result).put("samples_with_steal", 0).put("stolen_ms", 0);
            samples += result.get("samples").asLong();
        }
        ((ObjectNode) ResultsFixture.results(document).get(0)).put("samples_with_steal", 3).put("stolen_ms", 70);
        ((ObjectNode) ResultsFixture.results(document).get(1)).put("samples_with_steal", 2).put("stolen_ms", 1250);
        Path current = ResultsFixture.write(dir, "stolen.json", document);

        String text = CliRunner.run("diff", baseline.toString(), current.toString()).out();
        assertThat(text).contains("current " + current + ": 5 of " + samples + " samples saw CPU time stolen by the hypervisor "
                + "(1,320 ms): the machine was shared while it measured").doesNotContain("baseline " + baseline + ": 5 of");
        assertThat(CliRunner.run("diff", baseline.toString(), current.toString(), "--format", "markdown").out())
                .contains("samples saw CPU time stolen by the hypervisor");
        JsonNode json = ResultsFixture.JSON.readTree(CliRunner.run("diff", baseline.toString(), current.toString(), "--format", "json").out());
        assertThat(json.get("machine_notes")).hasSize(1);
        assertThat(ResultsFixture.JSON.readTree(CliRunner.run("diff", baseline.toString(), baseline.toString(), "--format", "json").out())
                .get("machine_notes")).isEmpty();
    }

    @Test
    void aFileWhoseMachineMovedBetweenForks_isNamedInTheHeader_withByHowMuch_andOneThatHeld_isNot() throws Exception {
        ObjectNode held = ResultsFixture.load(BASELINE);
        held.putPOJO("speed_checks", java.util.List.of(speedCheck(1, 3.50, 3.52), speedCheck(2, 3.51, 3.55)));
        Path baseline = ResultsFixture.write(dir, "held.json", held);
        ObjectNode moved = ResultsFixture.load(CURRENT);
        // the second check found CPU 1 a quarter slower: another guest on its core
        moved.putPOJO("speed_checks", java.util.List.of(speedCheck(1, 3.50, 3.52), speedCheck(2, 3.51, 4.375)));
        Path current = ResultsFixture.write(dir, "moved.json", moved);

        String text = CliRunner.run("diff", baseline.toString(), current.toString()).out();
        assertThat(text).contains("current " + current + ": the machine's speed moved during its run (speed checks between forks: "
                + "the same work took up to 1.25x as long): changes of that size may be the machine's")
                .doesNotContain("baseline " + baseline + ": the machine's speed");
        JsonNode json = ResultsFixture.JSON.readTree(CliRunner.run("diff", baseline.toString(), current.toString(), "--format", "json").out());
        assertThat(json.get("machine_notes")).hasSize(2);
        assertThat(json.get("machine_notes").get(1).asText()).startsWith("the machine between the two runs").contains("scalar 1.117x");
    }

    @Test
    void aChangeNoLargerThanTheMachinesOwnBetweenTheRuns_isInconclusive_notSlower() throws Exception {
        // the same 30% on sequential as above, but the current run's machine was 35% slower by its speed checks
        CliRunner run = sequentialThirtyPercentSlower(
                java.util.List.of(speedCheck(1, 3.50, 3.50), speedCheck(2, 3.40, 3.50), speedCheck(3, 3.50, 3.45)),
                java.util.List.of(speedCheck(1, 4.725, 4.70), speedCheck(2, 4.60, 4.725), speedCheck(3, 4.725, 4.725)));

        assertThat(run.exitCode()).as(run.err() + run.out()).isEqualTo(ExitCode.OK);
        JsonNode json = ResultsFixture.JSON.readTree(run.out());
        assertThat(json.get("slower").asInt()).isZero();
        assertThat(pair(json, "sequential").get("verdict").asText()).isEqualTo("inconclusive");
        assertThat(pair(json, "sequential").get("ci_low").asDouble()).isLessThan(1.0);
        assertThat(json.get("machine_notes").toString()).contains("scalar 1.350x");
    }

    @Test
    void checksSizedDifferentlyInTheTwoRuns_compareByTimePerIteration_soARealChangeIsStillFound() throws Exception {
        // the current run sized its check problem 30% larger (checks 30% longer, the same speed)
        CliRunner run = sequentialThirtyPercentSlower(
                java.util.List.of(speedCheck(1, 1_000_000, CODE, 3.50, 3.50), speedCheck(2, 1_000_000, CODE, 3.45, 3.50)),
                java.util.List.of(speedCheck(1, 1_300_000, CODE, 4.55, 4.55), speedCheck(2, 1_300_000, CODE, 4.50, 4.55)));

        JsonNode json = sequentialFoundSlower(run);
        assertThat(json.get("machine_notes").toString()).doesNotContain("the machine between the two runs");
    }

    @Test
    void checksOfAKernelWhoseCodeChanged_doNotCompare_andWidenNothing() throws Exception {
        // the current build's kernel is 35% slower, so are its checks: that is the build, not the machine
        String otherCode = "f".repeat(64);
        CliRunner run = sequentialThirtyPercentSlower(
                java.util.List.of(speedCheck(1, 1_000_000, CODE, 3.50, 3.50), speedCheck(2, 1_000_000, CODE, 3.45, 3.50)),
                java.util.List.of(speedCheck(1, 1_000_000, otherCode, 4.725, 4.725), speedCheck(2, 1_000_000, otherCode, 4.70, 4.725)));

        JsonNode json = sequentialFoundSlower(run);
        assertThat(json.get("machine_notes").toString()).contains("not known for scalar: the kernel's code differs between the two builds")
                .doesNotContain("1.350x");
    }

    @Test
    void checksOfAFileFromBeforeTheyRecordedTheirWorkload_doNotCompare_andTheHeaderSaysSo() throws Exception {
        java.util.Map<String, Object> olderCheck = java.util.Map.of("started_ms", 1, "kernel", "scalar", "cpu_ms", java.util.List.of(3.50, 3.50),
                "cpus", java.util.List.of(0, 1));
        CliRunner run = sequentialThirtyPercentSlower(java.util.List.of(olderCheck), java.util.List.of(speedCheck(1, 4.725, 4.725)));

        JsonNode json = sequentialFoundSlower(run);
        assertThat(json.get("machine_notes").toString())
                .contains("not known for scalar: ", "checks do not say what they ran (a file from before)");
    }

    @Test
    void rowsOfAKernelThatNoCheckRan_areNamedInTheHeader_asNotWidened() throws Exception {
        // both runs checked another kernel only, as runs with openmp's native rows check only their kernels in Java
        java.util.Map<String, Object> interleavedCheck = speedCheck("interleaved", 1, 1_000_000, CODE, 3.50, 3.50);
        CliRunner run = sequentialThirtyPercentSlower(java.util.List.of(interleavedCheck), java.util.List.of(interleavedCheck));

        JsonNode json = sequentialFoundSlower(run);
        assertThat(json.get("machine_notes").toString()).contains("not checked in both runs: scalar (the checks run only kernels in Java, "
                + "not a strategy's native kernel): their intervals are not widened, so a change of the machine's size may show as theirs");
        assertThat(sequentialFoundSlower(sequentialThirtyPercentSlower(java.util.List.of(speedCheck(1, 3.50, 3.50)),
                java.util.List.of(speedCheck(1, 3.50, 3.50)))).get("machine_notes").toString()).doesNotContain("not checked");
    }

    @Test
    void aShiftThatOnePairAloneWouldCallSlower_isInconclusiveAmongFivePairs_forAllIntervalsHoldTogetherAt95Percent() throws Exception {
        // sequential 5% slower and scattered by up to 5% a sample; the fixture's other four configurations unchanged
        double[] scatter = {0.96, 1.04, 0.97, 1.03, 0.98, 1.02, 0.95, 1.05};
        ObjectNode after = ResultsFixture.load(BASELINE);
        var samples = (com.fasterxml.jackson.databind.node.ArrayNode) ResultsFixture.result(after, "sequential", 1, "static").get("samples_ms");
        for (int i = 0; i < samples.size(); i++) {
            samples.set(i, samples.get(i).asDouble() * 1.05 * scatter[i]);
        }
        ObjectNode before = ResultsFixture.load(BASELINE);
        Path allBefore = ResultsFixture.write(dir, "five-before.json", before);
        Path allAfter = ResultsFixture.write(dir, "five-after.json", after);
        Path oneBefore = ResultsFixture.write(dir, "one-before.json", onlySequential(before));
        Path oneAfter = ResultsFixture.write(dir, "one-after.json", onlySequential(after));

        CliRunner five = CliRunner.run("diff", allBefore.toString(), allAfter.toString(), "--format", "json");
        CliRunner one = CliRunner.run("diff", oneBefore.toString(), oneAfter.toString(), "--format", "json");

        assertThat(one.exitCode()).as(one.err()).isEqualTo(ExitCode.SLOWER);
        JsonNode alone = ResultsFixture.JSON.readTree(one.out());
        assertThat(alone.get("interval_level").asDouble()).isEqualTo(0.95);
        assertThat(pair(alone, "sequential").get("verdict").asText()).isEqualTo("slower");
        assertThat(five.exitCode()).as(five.err()).isEqualTo(ExitCode.OK);
        JsonNode together = ResultsFixture.JSON.readTree(five.out());
        assertThat(together.get("interval_level").asDouble()).isEqualTo(0.99);
        assertThat(pair(together, "sequential").get("verdict").asText()).isEqualTo("inconclusive");
        assertThat(pair(together, "sequential").get("ci_low").asDouble()).isLessThan(1).isLessThan(pair(alone, "sequential").get("ci_low").asDouble());
        assertThat(CliRunner.run("diff", allBefore.toString(), allAfter.toString()).out())
                .contains("Verdict: slower or faster when the 99.00% (so that all 5 pairs hold together at 95%, Bonferroni: each pair's "
                        + "95% bootstrap interval widened 1.31x in log space) hierarchical bootstrap interval (forks, then samples within "
                        + "each, at least the Student-t interval of the pooled fork spread at that level)");
    }

    @Test
    void theHelp_saysThatAllPairsHoldTogether_withoutAFormatWarning() {
        CliRunner help = CliRunner.run("diff", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("intervals hold together at 95% (Bonferroni).");
        assertThat(help.out() + help.err()).doesNotContain("picocli WARN");
    }

    /** {@code document} with its {@code sequential} result only. */
    private static ObjectNode onlySequential(ObjectNode document) {
        ObjectNode copy = document.deepCopy();
        ResultsFixture.results(copy).removeIf(r -> !r.get("strategy").asText().equals("sequential"));
        return copy;
    }

    /** {@code run}'s JSON, once it has found {@code sequential}'s 30% slower and exited 5. */
    private static JsonNode sequentialFoundSlower(CliRunner run) throws Exception {
        assertThat(run.exitCode()).as(run.err() + run.out()).isEqualTo(ExitCode.SLOWER);
        JsonNode json = ResultsFixture.JSON.readTree(run.out());
        assertThat(pair(json, "sequential").get("verdict").asText()).isEqualTo("slower");
        return json;
    }

    /**
     * {@code arena diff --format json} of the baseline fixture with {@code baselineChecks} against the
     * same file with {@code sequential} 30% slower and {@code currentChecks}.
     */
    private CliRunner sequentialThirtyPercentSlower(java.util.List<java.util.Map<String, Object>> baselineChecks,
                                                   java.util.List<java.util.Map<String, Object>> currentChecks) throws Exception {
        ObjectNode before = ResultsFixture.load(BASELINE);
        before.putPOJO("speed_checks", baselineChecks);
        Path baseline = ResultsFixture.write(dir, "checked-before.json", before);
        ObjectNode after = ResultsFixture.load(BASELINE);
        ResultsFixture.mapSamples(ResultsFixture.result(after, "sequential", 1, "static"), ms -> ms * 1.3);
        after.putPOJO("speed_checks", currentChecks);
        Path current = ResultsFixture.write(dir, "checked-after.json", after);
        return CliRunner.run("diff", baseline.toString(), current.toString(), "--format", "json");
    }

    /** A kernel code digest, as {@code KernelCode} gives. */
    private static final String CODE = "0123456789abcdef".repeat(4);

    private static java.util.Map<String, Object> speedCheck(long startedMs, double... cpuMs) {
        return speedCheck(startedMs, 1_000_000, CODE, cpuMs);
    }

    private static java.util.Map<String, Object> speedCheck(long startedMs, long iterations, String kernelCode, double... cpuMs) {
        return speedCheck("scalar", startedMs, iterations, kernelCode, cpuMs);
    }

    private static java.util.Map<String, Object> speedCheck(String kernel, long startedMs, long iterations, String kernelCode, double... cpuMs) {
        return java.util.Map.of("started_ms", startedMs, "kernel", kernel, "cpu_ms", java.util.Arrays.stream(cpuMs).boxed().toList(),
                "cpus", java.util.stream.IntStream.range(0, cpuMs.length).boxed().toList(),
                "workload", java.util.Map.of("resolution", 77, "iterations", iterations, "kernel_sha256", kernelCode));
    }

    private static JsonNode pair(JsonNode diff, String strategy) {
        for (JsonNode pair : diff.get("pairs")) {
            if (pair.get("strategy").asText().equals(strategy)) {
                return pair;
            }
        }
        throw new AssertionError("no pair for " + strategy);
    }

    @Test
    void oneConfigurationThirtyPercentSlower_exitsFive_andOnlyThatPairIsSlower() throws Exception {
        Path baseline = ResultsFixture.copy(dir, BASELINE);
        ObjectNode slower = ResultsFixture.load(BASELINE);
        ResultsFixture.mapSamples(ResultsFixture.result(slower, "sequential", 1, "static"), ms -> ms * 1.3);
        Path current = ResultsFixture.write(dir, "slower.json", slower);

        CliRunner run = CliRunner.run("diff", baseline.toString(), current.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.SLOWER);
        JsonNode json = ResultsFixture.JSON.readTree(run.out());
        assertThat(json.get("slower").asInt()).isEqualTo(1);
        assertThat(json.get("faster").asInt()).isZero();
        assertThat(json.get("threshold").asDouble()).isEqualTo(0.05);
        assertThat(json.get("pairs")).hasSize(5);
        for (JsonNode pair : json.get("pairs")) {
            boolean changed = pair.get("strategy").asText().equals("sequential");
            // an unchanged pair is same, or inconclusive where its own samples scatter beyond 1 ± 5%
            assertThat(pair.get("verdict").asText()).as(pair.toString()).isIn(changed ? List.of("slower") : List.of("same", "inconclusive"));
            assertThat(pair.get("ratio").asDouble()).isCloseTo(changed ? 1.3 : 1.0, org.assertj.core.api.Assertions.within(1e-3));
            assertThat(pair.get("ci_low").asDouble()).isLessThanOrEqualTo(pair.get("ratio").asDouble());
            assertThat(pair.get("ci_high").asDouble()).isGreaterThanOrEqualTo(pair.get("ratio").asDouble());
        }
        assertThat(json.get("only_in_baseline")).isEmpty();
        assertThat(json.get("only_in_current")).isEmpty();
    }

    @Test
    void aConfigurationWhoseSamplesScatterByThirtyPercent_isInconclusive_andDoesNotFailTheGate() throws Exception {
        Path baseline = ResultsFixture.copy(dir, BASELINE);
        ObjectNode scattered = ResultsFixture.load(BASELINE);
        int[] index = {0};
        ResultsFixture.mapSamples(ResultsFixture.result(scattered, "sequential", 1, "static"), ms -> ms * (index[0]++ % 2 == 0 ? 0.7 : 1.3));
        Path current = ResultsFixture.write(dir, "scattered.json", scattered);

        CliRunner run = CliRunner.run("diff", baseline.toString(), current.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = ResultsFixture.JSON.readTree(run.out());
        assertThat(json.get("slower").asInt()).isZero();
        assertThat(json.get("faster").asInt()).isZero();
        for (JsonNode pair : json.get("pairs")) {
            if (pair.get("strategy").asText().equals("sequential")) {
                assertThat(pair.get("verdict").asText()).as(pair.toString()).isEqualTo("inconclusive");
            }
        }
        int inconclusive = json.get("inconclusive").asInt();
        assertThat(inconclusive).isPositive();
        CliRunner text = CliRunner.run("diff", baseline.toString(), current.toString());
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains(", " + inconclusive + " inconclusive (interval wider than 1 ± 5%); ");
    }

    @Test
    void noiseOnly_shuffledAndPerturbedByOnePercent_exitsZero_allSame() {
        Path baseline = ResultsFixture.copy(dir, BASELINE);
        ObjectNode noisy = ResultsFixture.load(BASELINE);
        Random random = new Random(7);
        for (JsonNode result : ResultsFixture.results(noisy)) {
            ArrayNode samples = (ArrayNode) result.get("samples_ms");
            List<JsonNode> shuffled = new ArrayList<>();
            samples.forEach(shuffled::add);
            Collections.shuffle(shuffled, random);
            samples.removeAll();
            shuffled.forEach(s -> samples.add(s.asDouble() * (1 + (random.nextDouble() * 2 - 1) * 0.01)));
        }
        Path current = ResultsFixture.write(dir, "noisy.json", noisy);

        CliRunner run = CliRunner.run("diff", baseline.toString(), current.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("problem: resolution=200 c=0.322+0.05i").contains("0 slower, 0 faster, ")
                .doesNotContain(" slower\n").doesNotContain(" faster\n");
    }

    @Test
    void twoRealRuns_giveTheSameOutputEveryTime_inEveryFormat() {
        Path baseline = ResultsFixture.copy(dir, BASELINE);
        Path current = ResultsFixture.copy(dir, CURRENT);
        for (String format : List.of("text", "json", "markdown")) {
            CliRunner first = CliRunner.run("diff", baseline.toString(), current.toString(), "--format", format);
            CliRunner again = CliRunner.run("diff", baseline.toString(), current.toString(), "--format", format);
            assertThat(first.exitCode()).as(first.err()).isIn(ExitCode.OK, ExitCode.SLOWER).isEqualTo(again.exitCode());
            assertThat(first.out()).isEqualTo(again.out());
        }
        // Medians are recomputed from the file's samples (rounded to 1 us), so 24.076 where the file's median_ms says 24.075.
        CliRunner markdown = CliRunner.run("diff", baseline.toString(), current.toString(), "--format", "markdown");
        assertThat(markdown.out()).contains("| strategy | kernel | threads | schedule | baseline ms | current ms | ratio | interval | verdict |")
                .contains("| forkjoin | scalar | 2 | dynamic:1 | 32.007 | 24.076 |");
    }

    @Test
    void differentProblems_exitTwo() {
        Path baseline = ResultsFixture.copy(dir, BASELINE);
        ObjectNode other = ResultsFixture.load(BASELINE);
        ResultsFixture.results(other).forEach(r -> ((ObjectNode) r).put("resolution", 300));
        Path current = ResultsFixture.write(dir, "other.json", other);

        CliRunner run = CliRunner.run("diff", baseline.toString(), current.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("no problem in common").contains("resolution=200").contains("resolution=300");
        assertOneLine(run);
    }

    @Test
    void changedSha256_exitTwo_aDifferentResultIsNotASpeedChange() {
        Path baseline = ResultsFixture.copy(dir, BASELINE);
        ObjectNode changed = ResultsFixture.load(BASELINE);
        ResultsFixture.result(changed, "threads", 2, "dynamic:1").put("sha256", "0".repeat(64));
        Path current = ResultsFixture.write(dir, "changed.json", changed);

        CliRunner run = CliRunner.run("diff", baseline.toString(), current.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("threads/scalar/2t/dynamic:1").contains("000000000000")
                .contains("a different result is not a speed change");
        assertOneLine(run);
    }

    @Test
    void nonIdenticalResult_exitTwo() {
        ObjectNode wrong = ResultsFixture.load(BASELINE);
        ResultsFixture.result(wrong, "forkjoin", 1, "static").put("identical", false);
        Path baseline = ResultsFixture.write(dir, "wrong.json", wrong);

        CliRunner run = CliRunner.run("diff", baseline.toString(), ResultsFixture.copy(dir, BASELINE).toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("--baseline").contains("forkjoin/scalar/1t/static").contains("not identical");
    }

    @Test
    void differentCores_exitTwo_unlessAllowed_andTheDifferenceIsNamed() {
        Path baseline = ResultsFixture.copy(dir, BASELINE);
        int cores = ResultsFixture.load(BASELINE).get("environment").get("cores").asInt();
        ObjectNode bigger = ResultsFixture.load(BASELINE);
        ((ObjectNode) bigger.get("environment")).put("cores", cores + 14);
        Path current = ResultsFixture.write(dir, "bigger.json", bigger);
        ResultsFixture.mapSamples(ResultsFixture.result(bigger, "threads", 1, "static"), ms -> ms * 1.3);
        Path slower = ResultsFixture.write(dir, "bigger-slower.json", bigger);
        String difference = "cores: " + cores + " vs " + (cores + 14);

        CliRunner refused = CliRunner.run("diff", baseline.toString(), current.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(refused.err()).contains(difference).contains("--allow-env-change").doesNotContain("jdk_version");
        assertOneLine(refused);

        CliRunner allowed = CliRunner.run("diff", baseline.toString(), current.toString(), "--allow-env-change");
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        assertThat(allowed.out()).contains("environment changed (--allow-env-change): " + difference);

        CliRunner allowedSlower = CliRunner.run("diff", baseline.toString(), slower.toString(), "--allow-env-change");
        assertThat(allowedSlower.exitCode()).as(allowedSlower.err()).isEqualTo(ExitCode.SLOWER);
    }

    @Test
    void configurationsInOnlyOneFile_areListed() throws Exception {
        ObjectNode base = ResultsFixture.load(BASELINE);
        ObjectNode cur = ResultsFixture.load(BASELINE);
        ResultsFixture.results(base).remove(indexOf(base, "forkjoin", 1));
        ResultsFixture.results(cur).remove(indexOf(cur, "threads", 2));
        Path baseline = ResultsFixture.write(dir, "base.json", base);
        Path current = ResultsFixture.write(dir, "cur.json", cur);

        CliRunner text = CliRunner.run("diff", baseline.toString(), current.toString());
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("only in baseline: threads/scalar/2t/dynamic:1 on resolution=200")
                .contains("only in current: forkjoin/scalar/1t/static on resolution=200").containsPattern("0 slower, 0 faster, \\d same(, \\d inconclusive \\(interval wider than 1 ± 5%\\))?; 1 only in baseline, 1 only in current");

        JsonNode json = ResultsFixture.JSON.readTree(CliRunner.run("diff", baseline.toString(), current.toString(), "--format", "json").out());
        assertThat(json.get("pairs")).hasSize(3);
        assertThat(json.get("only_in_baseline")).singleElement().satisfies(k -> {
            assertThat(k.get("strategy").asText()).isEqualTo("threads");
            assertThat(k.get("threads").asInt()).isEqualTo(2);
            assertThat(k.get("resolution").asInt()).isEqualTo(200);
        });
        assertThat(json.get("only_in_current")).singleElement().satisfies(k -> assertThat(k.get("strategy").asText()).isEqualTo("forkjoin"));
    }

    @Test
    void thresholdOutsideZeroToHundred_exitTwo_namingThreshold() {
        Path baseline = ResultsFixture.copy(dir, BASELINE);
        for (String bad : List.of("150", "-1", "abc")) {
            CliRunner run = CliRunner.run("diff", baseline.toString(), baseline.toString(), "--threshold", bad);
            assertThat(run.exitCode()).as(bad).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.err()).startsWith("arena diff: --threshold: threshold must be");
            assertOneLine(run);
        }
    }

    @Test
    void missingFile_exitTwo_namingTheFile() {
        Path baseline = ResultsFixture.copy(dir, BASELINE);
        Path missing = dir.resolve("nowhere.json");

        CliRunner run = CliRunner.run("diff", baseline.toString(), missing.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("--current").contains(missing.toString()).contains("is not a readable file");
        assertOneLine(run);
    }

    private static int indexOf(ObjectNode document, String strategy, int threads) {
        ArrayNode results = ResultsFixture.results(document);
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).get("strategy").asText().equals(strategy) && results.get(i).get("threads").asInt() == threads) {
                return i;
            }
        }
        throw new AssertionError("no " + strategy + " at " + threads + " threads");
    }

    private static void assertOneLine(CliRunner run) {
        assertThat(run.err().strip()).startsWith("arena diff: ").doesNotContain("\n").doesNotContain("Exception");
    }
}
