package arena.bench.cli;

import arena.core.StrategyProvider;
import arena.core.testkit.LiveThreads;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/** {@code --timeout} cancels the run in every strategy, exits 4 promptly and leaves no worker behind. */
class TimeoutTest {

    /** The strategies whose classes are loaded: a first run has opened and closed them once. */
    private static final Set<String> WARM = ConcurrentHashMap.newKeySet();

    /** How long one untimed akka-cluster run with a local worker took, measured once; 0 until then. */
    private static volatile long clusterRunNanos;

    @TestFactory
    Stream<DynamicTest> everyStrategy_isCancelledPromptly_byTheTimeout_underEverySchedule() {
        List<DynamicTest> tests = new ArrayList<>();
        for (StrategyProvider provider : CrossStrategyTest.inProcess()) {
            for (String schedule : List.of("static", "static:1", "dynamic:1", "split:1")) {
                if (!provider.capabilities().supports(arena.core.Schedule.parse(schedule))) {
                    continue;
                }
                tests.add(dynamicTest(provider.name() + " " + schedule, () -> {
                    TimedRun timed = computeAfterWarmUp(provider.name(), "--schedule", schedule,
                            "--resolution", "2500", "--kernel", CrossStrategyTest.kernelsOf(provider).getFirst(), "--timeout", "150ms");
                    assertTimedOutAndClean(provider.name(), timed.run());
                    assertThat(timed.run().err().strip()).isEqualTo("arena compute: timed out after 0.15s (--timeout); the run was cancelled and every worker stopped");
                    assertThat(timed.took()).as("time to give up").isLessThan(Duration.ofSeconds(4));
                }));
            }
        }
        return tests.stream();
    }

    /**
     * The case: at n_max 2^31-1 an interior pixel alone is seconds of work (about 5 s for
     * the scalar kernel), so only a kernel that polls inside the pixel can stop on time. Every
     * strategy x every kernel must exit 4 within 3 s of the deadline; the latency is printed. Each
     * strategy first runs once untimed, so that loading its library (an actor system's first start
     * takes seconds on a busy machine) does not count as cancellation latency.
     */
    @TestFactory
    Stream<DynamicTest> everyStrategyAndKernel_stopsPromptlyAfterTheDeadline_evenInsideOneEndlessPixel() {
        List<DynamicTest> tests = new ArrayList<>();
        for (StrategyProvider provider : CrossStrategyTest.inProcess()) {
            for (String kernel : CrossStrategyTest.kernelsOf(provider)) {
                tests.add(dynamicTest(provider.name() + " " + kernel, () -> {
                    TimedRun timed = computeAfterWarmUp(provider.name(), "--kernel", kernel,
                            "--resolution", "20", "--n-max", "2147483647", "--timeout", "1s");
                    Duration afterDeadline = timed.took().minusSeconds(1);
                    System.out.printf("%-12s %-12s exit %d, %4d ms after the 1 s deadline%n", provider.name(), kernel,
                            timed.run().exitCode(), afterDeadline.toMillis());
                    assertTimedOutAndClean(provider.name(), timed.run());
                    assertThat(afterDeadline).as("time from the deadline to the exit").isLessThan(Duration.ofSeconds(3));
                }));
            }
        }
        return tests.stream();
    }

    /**
     * The same case for akka-cluster with one worker JVM (a child process of this one): the
     * coordinator tells the worker to abandon the run, whose kernel stops inside the pixel. Opening
     * the strategy (starting the worker JVM) holds the interrupt back, so the deadline is set one
     * second past a whole untimed run's duration (measured once), to fall inside the computation; the latency
     * includes closing the strategy (the worker JVM's exit). No worker JVM and no thread of the
     * cluster is left afterwards.
     */
    @TestFactory
    Stream<DynamicTest> akkaClusterWithALocalWorker_stopsPromptlyAfterTheDeadline_evenInsideOneEndlessPixel() {
        return Stream.of("scalar", "vector").map(kernel -> dynamicTest("akka-cluster " + kernel, () -> {
            if (clusterRunNanos == 0) {
                long warm = System.nanoTime();
                CliRunner untimed = CliRunner.run("compute", "--strategy", "akka-cluster", "--local-workers", "1", "--resolution", "10");
                assertThat(untimed.exitCode()).as(untimed.err()).isZero();
                clusterRunNanos = System.nanoTime() - warm;
            }
            Duration limit = Duration.ofNanos(clusterRunNanos).truncatedTo(ChronoUnit.MILLIS).plusSeconds(1);

            long start = System.nanoTime();
            CliRunner run = CliRunner.run("compute", "--strategy", "akka-cluster", "--local-workers", "1", "--kernel", kernel,
                    "--resolution", "20", "--n-max", "2147483647", "--timeout", limit.toMillis() + "ms");
            Duration afterDeadline = Duration.ofNanos(System.nanoTime() - start).minus(limit);
            System.out.printf("%-12s %-12s exit %d, %4d ms after the %d ms deadline%n", "akka-cluster", kernel, run.exitCode(),
                    afterDeadline.toMillis(), limit.toMillis());
            assertThat(run.exitCode()).as(run.err() + run.out()).isEqualTo(ExitCode.TIMED_OUT);
            assertThat(afterDeadline).as("time from the deadline to the exit").isLessThan(Duration.ofSeconds(3));
            assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList()).as("worker JVMs left").isEmpty();
            assertThat(LiveThreads.awaitNone("arena-akka-cluster", Duration.ofSeconds(5))).isEmpty();
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
        }));
    }

    @Test
    void verifyAndCompare_areCancelledByTheTimeoutToo() throws InterruptedException {
        for (String command : List.of("verify", "compare")) {
            long start = System.nanoTime();
            CliRunner run = CliRunner.run(command, "--strategies", "forkjoin,akka", "--kernels", "scalar", "--resolution", "2500",
                    "--timeout", "300ms");
            assertThat(run.exitCode()).as(command + ": " + run.err()).isEqualTo(ExitCode.TIMED_OUT);
            assertThat(run.err().strip()).startsWith("arena " + command + ": timed out after 0.3s");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as(command).isLessThan(Duration.ofSeconds(8));
            assertThat(LiveThreads.awaitNone("arena-forkjoin", Duration.ofSeconds(5))).isEmpty();
            assertThat(LiveThreads.awaitNone("arena-akka", Duration.ofSeconds(5))).isEmpty();
        }
    }

    /**
     * Opens and closes {@code strategy} once, untimed, so that loading its classes (an actor
     * system's first start takes seconds on a busy machine) never counts as cancellation latency.
     */
    private static void warmUp(String strategy) {
        if (WARM.add(strategy)) {
            assertThat(CliRunner.run("compute", "--strategy", strategy, "--resolution", "10").exitCode()).isZero();
        }
    }

    @Test
    void badDurations_areBadInput() {
        for (String bad : List.of("0", "-1s", "soon", "5q", "8d", "PT0S")) {
            CliRunner run = CliRunner.run("compute", "--resolution", "10", "--timeout", bad);
            assertThat(run.exitCode()).as(bad).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.err()).as(bad).contains("--timeout");
        }
    }

    @Test
    void aRunThatFinishesInTime_isNotDisturbed() {
        CliRunner run = CliRunner.run("compute", "--strategy", "forkjoin", "--resolution", "50", "--timeout", "30s");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    /** A {@code compute} run and how long it took. */
    private record TimedRun(CliRunner run, Duration took) {
    }

    /** Runs {@code compute --strategy strategy args...} after one untimed run of the strategy, and times it. */
    private static TimedRun computeAfterWarmUp(String strategy, String... args) {
        warmUp(strategy);
        List<String> command = new ArrayList<>(List.of("compute", "--strategy", strategy));
        command.addAll(List.of(args));
        long start = System.nanoTime();
        CliRunner run = CliRunner.run(command.toArray(String[]::new));
        return new TimedRun(run, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Exit 4, no thread of the strategy left, and no interrupt left on the calling thread. */
    private static void assertTimedOutAndClean(String strategy, CliRunner run) throws InterruptedException {
        assertThat(run.exitCode()).as(run.err() + run.out()).isEqualTo(ExitCode.TIMED_OUT);
        assertThat(LiveThreads.awaitNone("arena-" + strategy, Duration.ofSeconds(5))).isEmpty();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
}
