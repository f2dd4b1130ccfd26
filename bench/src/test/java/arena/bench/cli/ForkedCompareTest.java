package arena.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import arena.bench.measure.ForkedRun;
import arena.bench.report.TimelineTrace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare --forks N} with real child JVMs: the same verification as in-process with every
 * fork's samples pooled and each speed-up taken against the baseline of the same child JVMs, the mode said in the report, a child that crashes or prints garbage is a
 * one-line error and exit 3 with no child left, bad values of {@code --forks} are refused, and
 * Ctrl-C with forks in flight stops every child.
 */
class ForkedCompareTest {

    /** Half the last digit results.json keeps of a time (0.001 ms) and of a ratio (0.001). */
    private static final double ROUNDING_MS = 0.0005;
    private static final double ROUNDING = 0.0005;

    private static final String[] SMALL = {"--strategies", "threads,forkjoin", "--threads", "1,2", "--schedules", "static",
            "--resolution", "40", "--warmup", "1", "--repeat", "3", "--max-repeat", "3", "--budget", "0"};

    @Test
    void forkedCompare_verifiesLikeInProcess_poolsEveryForksSamples_andPairsEachSpeedupWithItsForksBaseline() throws Exception {
        CliRunner inProcess = CliRunner.run(args("--format", "json"));
        CliRunner forked = CliRunner.run(args("--format", "json", "--forks", "2"));
        assertThat(inProcess.exitCode()).as(inProcess.err()).isZero();
        assertThat(forked.exitCode()).as(forked.err()).isZero();
        assertThat(hashes(forked.out())).isEqualTo(hashes(inProcess.out())).isNotEmpty();
        // 2 forks x 3 samples per configuration; the baseline is measured in each strategy's forks: 2 x 2 x 3.
        assertThat(all("\"samples\": (\\d+)", forked.out())).containsOnly("6", "12");
        assertThat(all("\"samples\": (\\d+)", inProcess.out())).containsOnly("3");
        // Every sample keeps the child JVM that measured it: each configuration 3 samples in each of its
        // strategy's 2 forks, the baseline 3 in each of all 4; the forks' order is shuffled.
        List<String> forkLists = all("\"sample_forks\": \\[([0-9, ]+)]", forked.out());
        assertThat(forkLists).hasSize(5);
        for (String list : forkLists) {
            java.util.Map<String, Long> perFork = java.util.Arrays.stream(list.split(", "))
                    .collect(java.util.stream.Collectors.groupingBy(f -> f, java.util.stream.Collectors.counting()));
            assertThat(perFork.values()).as(list).containsOnly(3L);
            assertThat(perFork.size()).as(list).isIn(2, 4);
        }
        assertThat(inProcess.out()).doesNotContain("sample_forks");
        // the children's sample contexts travel back whole: their stolen CPU time is recorded (a number, not null) on Linux
        if (java.nio.file.Files.exists(Path.of("/proc/stat"))) {
            assertThat(all("\"samples_with_steal\": (\\d+)", forked.out())).hasSize(5);
        }
        assertSpeedupsUseTheBaselineOfTheSameForks(forked);
        assertMachineWasCheckedBeforeEveryForkAndAfterTheLast(forked, inProcess);
        assertThat(noForkChildLeft()).isTrue();
    }

    @Test
    void aChildAskedToReverse_measuresItsConfigurationsExactlyBackwards_baselineLast() {
        String[] child = {ForkChildCommand.NAME, "--strategies=threads", "--threads=1,2", "--schedules=static,dynamic:1", "--resolution=40",
            "--warmup=0", "--repeat=1", "--max-repeat=1", "--budget=0"};
        CliRunner forward = CliRunner.run(child);
        CliRunner reversed = CliRunner.run(java.util.stream.Stream.concat(java.util.Arrays.stream(child), java.util.stream.Stream.of(
                ForkChildCommand.REVERSED)).toArray(String[]::new));
        assertThat(forward.exitCode()).as(forward.err()).isZero();
        assertThat(reversed.exitCode()).as(reversed.err()).isZero();

        List<String> forwardOrder = all("\"label\":\"([^\"]+)\"", forward.out());
        assertThat(forwardOrder).hasSize(5).first().asString().startsWith("sequential");
        assertThat(all("\"label\":\"([^\"]+)\"", reversed.out())).containsExactlyElementsOf(forwardOrder.reversed());
    }

    @Test
    void textReport_saysWhetherItWasForked_andHowFastTheMachineRanBetweenForks() {
        String inProcess = CliRunner.run(args()).out();
        String forked = CliRunner.run(args("--forks", "1")).out();
        assertThat(inProcess).contains("measured in-process, not forked").doesNotContain("speed checks");
        assertThat(forked).contains("measured 1 fork per strategy")
                .containsPattern("machine: 3 speed checks between forks, every CPU \\(\\d+\\) at once: \\w+ [0-9.]+-[0-9.]+ ms \\([0-9.]+x(; the CPUs [0-9.]+x apart at one moment, median)?\\); "
                        + "(steady within 10%|the machine's speed moved beyond 10%: rows and forks that differ by less cannot be told from it)");
    }

    @Test
    void theOrderSeed_isPrinted_andTheSameSeedRunsTheForksInTheSameOrder() {
        CliRunner first = CliRunner.run(args("--format", "json", "--forks", "2", "--order-seed", "5"));
        CliRunner again = CliRunner.run(args("--format", "json", "--forks", "2", "--order-seed", "5"));
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("\"order_seed\": 5", "\"forks\": 2");
        assertThat(all("\"sample_forks\": \\[([0-9, ]+)]", again.out()))
                .containsExactlyInAnyOrderElementsOf(all("\"sample_forks\": \\[([0-9, ]+)]", first.out()));
        assertThat(CliRunner.run(args("--forks", "1")).out()).containsPattern("order seed \\d+\\)");
    }

    @Test
    void aTimelineUnderForks_comesBackFromTheChildren_asSummaryAndTrace(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("forked");
        CliRunner run = CliRunner.run(args("--format", "json", "--forks", "1", "--timeline", "--out", out.toString()));
        assertThat(run.exitCode()).as(run.err()).isZero();
        // every configuration but the two baselines carries its recorded run's imbalance
        assertThat(all("\"imbalance\": ([0-9.]+)", run.out())).hasSize(4);
        TraceFile trace = TraceFile.read(out.resolve(TimelineTrace.FILE), 41);
        assertThat(trace.processes()).hasSize(4);
        trace.assertEachProcessCoversEveryRowOnce(41, 2);
        assertThat(noForkChildLeft()).isTrue();
    }

    @Test
    void theChildCommand_isHiddenFromHelpAndCompletion() {
        assertThat(CliRunner.run("--help").out()).doesNotContain(ForkChildCommand.NAME);
        CliRunner completion = CliRunner.run("completion");
        assertThat(completion.out()).contains("compare").doesNotContain(ForkChildCommand.NAME);
    }

    @Test
    void aChildThatCrashes_isOneLineNamingTheStrategy_exit3_noChildLeft() {
        CliRunner run = withFault("halt", () -> CliRunner.run(args("--forks", "1")));
        assertThat(run.exitCode()).isEqualTo(ExitCode.WORKER_FAILED);
        assertThat(run.err().strip()).doesNotContain("\n").containsPattern("strategy '(threads|forkjoin)'").contains("exited with 7")
                .contains("halting as " + ForkedRun.FAULT_PROPERTY + " asks");
        assertThat(noForkChildLeft()).isTrue();
    }

    @Test
    void aChildThatPrintsGarbage_isOneLineNamingTheStrategy_exit3_noChildLeft() {
        CliRunner run = withFault("garbage", () -> CliRunner.run(args("--forks", "1")));
        assertThat(run.exitCode()).isEqualTo(ExitCode.WORKER_FAILED);
        assertThat(run.err().strip()).doesNotContain("\n").containsPattern("strategy '(threads|forkjoin)'")
                .contains("not a measurement: 'this is not JSON'");
        assertThat(noForkChildLeft()).isTrue();
    }

    @Test
    void badForkCounts_areRefusedNamingTheOptionAndItsRange_exit2() {
        for (String bad : List.of("-1", "abc", "21")) {
            CliRunner run = CliRunner.run(args("--forks", bad));
            assertThat(run.exitCode()).as(bad).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.err()).as(bad).contains("--forks").contains("0").contains("20");
        }
    }

    @Test
    void timeoutWithAForkInFlight_exits4_andLeavesNoChild() {
        CliRunner run = CliRunner.run("compare", "--strategies", "threads", "--threads", "1", "--schedules", "static",
                "--resolution", "1203", "--repeat", "200", "--max-repeat", "200", "--budget", "0", "--forks", "2", "--timeout", "4s");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.TIMED_OUT);
        assertThat(run.err()).contains("timed out after 4s");
        assertThat(forkChildren("--resolution=1203")).isEmpty();
    }

    @Test
    void sigintWithForksInFlight_exits130_andLeavesNoChild(@TempDir Path dir) throws Exception {
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT"));
        command.addAll(ChildCli.command("compare", "--strategies", "threads,forkjoin", "--threads", "1", "--schedules", "static",
                "--resolution", "1201", "--repeat", "200", "--max-repeat", "200", "--budget", "0", "--forks", "3"));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (forkChildren("--resolution=1201").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(1000);
            assertThat(process.isAlive()).as(() -> read(dir.resolve("stderr.txt"))).isTrue();
            assertThat(forkChildren("--resolution=1201")).as("a fork is in flight").isNotEmpty();
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(ExitCode.INTERRUPTED);
        } finally {
            process.destroyForcibly();
        }
        assertThat(Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8)).contains("interrupted");
        Thread.sleep(500);
        assertThat(forkChildren("--resolution=1201")).isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static String[] args(String... more) {
        List<String> all = new ArrayList<>(List.of("compare"));
        all.addAll(List.of(SMALL));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static CliRunner withFault(String fault, java.util.function.Supplier<CliRunner> run) {
        System.setProperty(ForkedRun.FAULT_PROPERTY, fault);
        try {
            return run.get();
        } finally {
            System.clearProperty(ForkedRun.FAULT_PROPERTY);
        }
    }

    private static boolean noForkChildLeft() {
        return forkChildren("--resolution=40").isEmpty();
    }

    /**
     * The live (not zombie) processes running {@code fork-child} with {@code argument}, read from
     * /proc: {@link ProcessHandle#descendants()} and {@code info()} see nothing on some sandboxed
     * kernels.
     */
    private static List<String> forkChildren(String argument) {
        List<String> found = new ArrayList<>();
        try (var entries = Files.list(Path.of("/proc"))) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    List<String> words = List.of(new String(Files.readAllBytes(entry.resolve("cmdline")), StandardCharsets.UTF_8).split("\0"));
                    String stat = Files.readString(entry.resolve("stat"));
                    boolean zombie = stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
                    if (!zombie && words.contains(ForkChildCommand.NAME) && words.contains(argument)) {
                        found.add(entry.getFileName() + " " + String.join(" ", words));
                    }
                } catch (java.io.IOException | RuntimeException gone) {
                    // The process ended while it was read.
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return found;
    }

    private static TreeSet<String> hashes(String json) {
        return new TreeSet<>(all("\"sha256\": \"(\\w+)\"", json));
    }

    private static List<String> all(String regex, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile(regex).matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    /** Each row's speed-up divides the baseline's median in the row's own child JVMs by the row's median. */
    private static void assertSpeedupsUseTheBaselineOfTheSameForks(CliRunner forked) throws Exception {
        com.fasterxml.jackson.databind.JsonNode results = new com.fasterxml.jackson.databind.ObjectMapper().readTree(forked.out()).get("results");
        com.fasterxml.jackson.databind.JsonNode baseline = null;
        for (com.fasterxml.jackson.databind.JsonNode r : results) {
            baseline = r.get("strategy").asText().equals("sequential") ? r : baseline;
        }
        assertThat(baseline).isNotNull();
        int rows = 0;
        for (com.fasterxml.jackson.databind.JsonNode r : results) {
            if (r.get("strategy").asText().equals("sequential")) {
                continue;
            }
            java.util.Set<Integer> ownForks = new java.util.HashSet<>(ints(r.get("sample_forks")));
            List<Double> samples = new ArrayList<>();
            List<Integer> forks = new ArrayList<>();
            List<Integer> baselineForks = ints(baseline.get("sample_forks"));
            for (int i = 0; i < baselineForks.size(); i++) {
                if (ownForks.contains(baselineForks.get(i))) {
                    samples.add(baseline.get("samples_ms").get(i).asDouble());
                    forks.add(baselineForks.get(i));
                }
            }
            assertThat(forks).as("the baseline runs in every fork of every strategy").hasSize(2 * 3);
            double sameForks = arena.bench.measure.HierarchicalBootstrap.medianOfForks(arena.bench.measure.ForkSamples.split(samples, forks));
            double median = arena.bench.measure.HierarchicalBootstrap.medianOfForks(arena.bench.measure.ForkSamples.split(
                    doubles(r.get("samples_ms")), ints(r.get("sample_forks"))));
            // results.json rounds every time to 0.001 ms and the speed-up to 0.001, so a median read back may be off by
            // half a microsecond: at sub-millisecond medians that moves the ratio by up to a few thousandths.
            double ratio = sameForks / median;
            double readBackError = ratio * (ROUNDING_MS / sameForks + ROUNDING_MS / median) + ROUNDING;
            assertThat(r.get("speedup").asDouble()).as(r.toString()).isCloseTo(ratio, org.assertj.core.api.Assertions.within(readBackError + 1e-9));
            rows++;
        }
        assertThat(rows).isEqualTo(4);
    }

    /** One check of each kernel before each of the 2 x 2 forks and one after the last, every CPU timed in each; none in-process. */
    private static void assertMachineWasCheckedBeforeEveryForkAndAfterTheLast(CliRunner forked, CliRunner inProcess) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode checks = json.readTree(forked.out()).get("speed_checks");
        java.util.Set<String> kernels = new TreeSet<>(all("\"kernel\": ?\"(\\w+)\"", forked.out()));
        assertThat(checks).hasSize(5 * kernels.size());
        for (com.fasterxml.jackson.databind.JsonNode check : checks) {
            assertThat(kernels).contains(check.get("kernel").asText());
            assertThat(check.get("cpu_ms")).hasSize(Runtime.getRuntime().availableProcessors());
            assertThat(check.get("cpus")).hasSize(Runtime.getRuntime().availableProcessors());
            assertThat(check.get("started_ms").asLong()).isPositive();
        }
        assertThat(json.readTree(inProcess.out()).has("speed_checks")).isFalse();
    }

    private static List<Integer> ints(com.fasterxml.jackson.databind.JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asInt()));
        return values;
    }

    private static List<Double> doubles(com.fasterxml.jackson.databind.JsonNode array) {
        List<Double> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asDouble()));
        return values;
    }
}
