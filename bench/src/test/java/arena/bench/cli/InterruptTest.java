package arena.bench.cli;


import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ctrl-C during {@code compare}, on a real CLI process: the workers stop, the process exits 130
 * promptly, and the report directory still holds the previous complete set of files, never a
 * partial or mixed one.
 */
class InterruptTest {

    @Test
    void sigintDuringCompare_exits130Promptly_andKeepsThePreviousCompleteSet(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report");
        String[] quick = {"compare", "--strategies", "threads", "--threads", "1", "--schedules", "static", "--resolution", "30",
                "--repeat", "1", "--warmup", "0", "--budget", "0", "--out", out.toString()};
        assertThat(CliRunner.run(quick).exitCode()).isZero();
        String previous = Files.readString(out.resolve("results.json"));

        Process process = new ProcessBuilder(cli("compare", "--strategies", "threads,forkjoin", "--threads", "1,2", "--resolution", "1200",
                "--repeat", "30", "--budget", "0", "--out", out.toString())).redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        try {
            assertThat(interruptAfterFourSeconds(process, "compare")).isLessThan(20_000);
            assertThat(process.exitValue()).isEqualTo(ExitCode.INTERRUPTED);
        } finally {
            process.destroyForcibly();
        }
        String stderr = Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
        assertThat(stderr).contains("interrupted");
        assertThat(stderr).doesNotContain("Exception");
        assertThat(Files.readString(out.resolve("results.json"))).isEqualTo(previous);
        try (var siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString()).filter(name -> name.startsWith("."))).isEmpty();
        }
    }

    /**
     * Ctrl-C while every worker is inside one endless pixel (n_max 2^31-1, seconds per pixel): the
     * kernels poll for the stop, so the process exits 130 within 3 s (it used to wait out the
     * shutdown hook's 10 s grace). The scalar kernel under forkjoin and the vector kernel under the
     * sequential strategy (which computes on the very thread the hook interrupts).
     */
    @Test
    void sigintInsideAnEndlessPixel_exits130WithinThreeSeconds(@TempDir Path dir) throws Exception {
        for (List<String> strategyAndKernel : List.of(List.of("forkjoin", "scalar"), List.of("sequential", "vector"))) {
            Path stderr = dir.resolve("stderr-" + String.join("-", strategyAndKernel) + ".txt");
            Process process = new ProcessBuilder(cli("compute", "--strategy", strategyAndKernel.get(0), "--kernel", strategyAndKernel.get(1),
                    "--resolution", "20", "--n-max", "2147483647")).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(stderr.toFile()).start();
            long latency;
            try {
                latency = interruptAfterFourSeconds(process, "compute");
            } finally {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            System.out.printf("%s: exit %d, %d ms after SIGINT%n", strategyAndKernel, process.exitValue(), latency);
            assertThat(process.exitValue()).isEqualTo(ExitCode.INTERRUPTED);
            assertThat(latency).as("ms from SIGINT to the exit").isLessThan(3000);
            assertThat(Files.readString(stderr, StandardCharsets.UTF_8)).contains("interrupted").doesNotContain("Exception");
        }
    }

    /** The command line of a CLI JVM like this test's, running {@code args}. */
    private static List<String> cli(String... args) {
        List<String> command = new ArrayList<>();
        // A shell that starts a job in the background ignores SIGINT for it, and a JVM that inherits an
        // ignored SIGINT never installs its handler; reset it to the default for the CLI's JVM.
        command.add("env");
        command.add("--default-signal=INT");
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> !a.startsWith("-agentlib")).toList());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ArenaCli.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Sends SIGINT to {@code process} four seconds into its run (asserting that the {@code command}
     * still runs then) and returns the milliseconds until it ended, asserting that it did within 30 s.
     */
    private static long interruptAfterFourSeconds(Process process, String command) throws Exception {
        Thread.sleep(4000);
        assertThat(process.isAlive()).as("the " + command + " run is still going after 4 s").isTrue();
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
        long interruptedAt = System.nanoTime();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the process ended").isTrue();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - interruptedAt);
    }
}
