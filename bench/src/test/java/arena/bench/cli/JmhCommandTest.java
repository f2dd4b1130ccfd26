package arena.bench.cli;


import arena.core.StrategyRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.VerboseMode;
import static org.assertj.core.api.Assertions.assertThat;

/** The JMH suite through the real CLI entry point, in real forked JVMs, on tiny grids and short iterations. */
class JmhCommandTest {

    /** A fork's start, setup and teardown beyond its iterations: measured at about 2 s on 2 cores; 4 s is the margin. */
    private static final double FORK_OVERHEAD_SECONDS = 4;

    @Test
    void quickPass_runsAForkedBenchmark_andWritesJsonResultsWithAnEnvironmentSidecar(@TempDir Path dir) throws Exception {
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
            assertThat(benchmark.get("jvmArgs")).extracting(JsonNode::asText).as("the fork's heap: fixed and pre-touched, as a compare child's")
                    .contains("-Xms528m", "-Xmx528m", "-XX:+AlwaysPreTouch");
        }
        JsonNode sidecar = new ObjectMapper().readTree(dir.resolve("jmh.env.json").toFile());
        assertThat(sidecar.get("results").asText()).isEqualTo("jmh.json");
        JsonNode environment = sidecar.get("environment");
        assertThat(environment.get("cores").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(environment.get("jdk_version").asText()).isEqualTo(Runtime.version().toString());
        assertThat(environment.get("cpu_model").asText()).isNotBlank();
        assertThat(environment.get("git_commit").asText()).isNotBlank();
        assertThat(names(dir)).containsExactly("jmh.env.json", "jmh.json");
    }

    @Test
    void theForksHeap_fitsTheLargestResolutionAsked_andNotAResolutionJmhWillRefuse() {
        assertThat(JmhCommand.forkFlags(new JmhArguments(List.of("-p", "resolution=1000,4000"))))
                .as("512 MB + 4 grids of 4000 x 4000, in whole 16 MB").endsWith("-Xms768m", "-Xmx768m", "-XX:+AlwaysPreTouch");
        assertThat(JmhCommand.forkFlags(new JmhArguments(List.of("-p", "resolution=lots"))))
                .as("the chapter's case").endsWith("-Xms528m", "-Xmx528m", "-XX:+AlwaysPreTouch");
    }

    @Test
    void wrongGridCaughtByTheTrialCheck_failsTheRun_exit3() {
        // WrongGridBenchmark (test scope) computes one corrupted cell; ComputeBenchmark's own check throws after timing
        CliRunner run = CliRunner.run("jmh", "-f", "1", "-wi", "0", "-i", "1", "-r", "100ms", "WrongGridBenchmark");
        assertThat(run.exitCode()).isEqualTo(ExitCode.WORKER_FAILED);
        assertThat(run.err()).startsWith("arena jmh: a benchmark failed: IllegalStateException: wrong computed a wrong grid: sha256 ")
                .hasLineCount(1); // no "left out" line: ComputeBenchmark does not run
    }

    @Test
    void benchmarkFailingInItsSetup_failsTheRun_exit3() {
        // resolution 0 is refused by JuliaParams in the fork's trial setup
        CliRunner run = CliRunner.run("jmh", "-f", "1", "-wi", "0", "-i", "1", "-r", "100ms",
                "-p", "strategy=threads", "-p", "threads=1", "-p", "resolution=0", "ComputeBenchmark");
        assertThat(run.exitCode()).isEqualTo(ExitCode.WORKER_FAILED);
        assertThat(run.err()).startsWith("arena jmh: a benchmark failed: InvalidInputException: resolution").hasLineCount(1);
    }

    @Test
    void defaultStrategies_leaveOutThoseWithoutTheSchedule_andSaySo() {
        // streams has only static and split: ComputeBenchmark's dynamic:1 would fail its setup
        List<String> leftOut = new ArrayList<>();
        List<String> strategies = JmhCommand.defaultStrategies(StrategyRegistry.discover(), List.of("dynamic:1"), leftOut);
        assertThat(strategies).contains("forkjoin", "threads").doesNotContain("streams");
        assertThat(leftOut).anyMatch(line -> line.startsWith("streams left out: it has no schedule dynamic:1"));
        assertThat(JmhCommand.defaultStrategies(StrategyRegistry.discover(), List.of("static"), new ArrayList<>())).contains("streams");
    }

    @Test
    void givenStrategyWithoutTheGivenSchedule_isBadInput_beforeAnyFork() {
        CliRunner run = CliRunner.run("jmh", "-p", "strategy=threads", "-p", "schedule=split:1", "ComputeBenchmark");
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).startsWith("arena jmh: --schedule: ").contains("split").hasLineCount(1);
    }

    @Test
    void unknownStrategy_isBadInput_beforeAnyFork() {
        // the example, which exited 0 before
        CliRunner run = CliRunner.run("jmh", "-f", "1", "-wi", "0", "-i", "1", "-r", "200ms", "-p", "strategy=nosuch", "-p", "threads=1",
                "-p", "resolution=50", "ComputeBenchmark");
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).startsWith("arena jmh: --strategy: strategy 'nosuch' is unknown; known strategies: ").hasLineCount(1);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void badParameterValues_areBadInput_namingTheParameter() {
        assertThat(CliRunner.run("jmh", "-p", "schedule=fast", "ComputeBenchmark").err()).startsWith("arena jmh: --schedule: ");
        assertThat(CliRunner.run("jmh", "-p", "kernel=turbo", "KernelBenchmark").err()).startsWith("arena jmh: --kernel: ");
        CliRunner threads = CliRunner.run("jmh", "-p", "threads=0", "ComputeBenchmark");
        assertThat(threads.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(threads.err()).startsWith("arena jmh: --threads: ");
    }

    @Test
    void noMatchingBenchmark_isBadInput() {
        CliRunner run = CliRunner.run("jmh", "NoSuchBenchmark");
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("no benchmark matches").contains("NoSuchBenchmark").hasLineCount(1);
    }

    @Test
    void help_showsArenasAdditionsAndJmhsOptions_exit0() {
        for (String help : List.of("--help", "-h")) {
            CliRunner run = CliRunner.run("jmh", help);
            assertThat(run.exitCode()).as(help).isZero();
            assertThat(run.out()).contains("-foe true", "-prof async", "(no arguments)", "Usage: java -jar ... [regexp*] [options]", "-rff <filename>");
            assertThat(run.err()).isEmpty();
        }
    }

    @Test
    void asyncProfiler_worksOutOfTheBox_fromTheJarOnTheClassPath(@TempDir Path dir) throws Exception {
        CliRunner run = CliRunner.run("jmh", "-f", "1", "-wi", "0", "-i", "1", "-r", "300ms", "-p", "kernel=scalar", "-p", "rows=8",
                "-prof", "async:output=collapsed;dir=" + dir, "KernelBenchmark");
        assertThat(run.exitCode()).as(run.err()).isZero();
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> profiles = files.filter(p -> p.getFileName().toString().startsWith("collapsed-")).toList();
            assertThat(profiles).hasSize(1);
            assertThat(Files.readString(profiles.get(0))).contains("KernelBenchmark");
        }
        try (Stream<Path> temporary = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(temporary.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("arena-async-profiler-"));
        }
    }

    @Test
    void bareRun_isPlannedWithinTwentyMinutesOnTwoCores() throws Exception {
        // JMH's own plan of a bare 'arena jmh': every matched benchmark x its parameter combinations x forks x iterations
        List<String> strategies = JmhCommand.defaultStrategies(StrategyRegistry.discover(), JmhCommand.defaultSchedules(), new ArrayList<>());
        JmhArguments bare = JmhArguments.of(List.of(), strategies, List.of(), 2);
        CommandLineOptions options = new CommandLineOptions(bare.arguments().toArray(String[]::new));
        double seconds = 0;
        int trials = 0;
        for (BenchmarkListEntry entry : BenchmarkList.defaultList().find(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT),
                options.getIncludes(), options.getExcludes())) {
            int combinations = 1;
            for (var parameter : entry.getParams().orElse(Map.of()).entrySet()) {
                combinations *= options.getParameter(parameter.getKey()).orElse(List.of(parameter.getValue())).size();
            }
            double perFork = entry.getWarmupIterations().get() * entry.getWarmupTime().get().convertTo(TimeUnit.MILLISECONDS) / 1000.0
                    + entry.getMeasurementIterations().get() * entry.getMeasurementTime().get().convertTo(TimeUnit.MILLISECONDS) / 1000.0
                    + FORK_OVERHEAD_SECONDS;
            trials += combinations;
            seconds += combinations * entry.getForks().get() * perFork;
            assertThat(entry.getForks().get()).as(entry.getUsername()).isGreaterThanOrEqualTo(2);
        }
        System.out.printf("bare arena jmh: %d trials, about %.1f minutes planned%n", trials, seconds / 60);
        assertThat(trials).isEqualTo(2 * strategies.size() + 3).isLessThanOrEqualTo(25);
        assertThat(seconds).isLessThan(20 * 60);
    }

    @Test
    void badJmhOption_isBadInput() {
        CliRunner run = CliRunner.run("jmh", "-f", "notanumber");
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("--jmh");
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
