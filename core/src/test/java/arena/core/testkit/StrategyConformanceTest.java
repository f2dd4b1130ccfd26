package arena.core.testkit;

import arena.core.CountGrid;
import arena.core.Execution;
import arena.core.GoldenCase;
import arena.core.GridSummary;
import arena.core.Schedule;
import arena.core.SequentialStrategy;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.StrategyProvider;
import arena.core.WorkerFailedException;
import arena.core.input.InvalidInputException;
import arena.core.problem.Complex;
import arena.core.problem.JuliaParams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * What every strategy must do, written once: each strategy module's test extends this class and
 * names its provider. It checks the golden figures, bit-identity with {@code sequential} over a table
 * of problems, thread counts and every schedule the strategy declares, a seeded random sweep (the
 * seed is printed; set {@code -Darena.seed=N} to replay), failure propagation with the original
 * cause, prompt stopping, reuse after a failure, refusal of unsupported schedules and, after close,
 * that no thread of the strategy is left alive.
 */
public abstract class StrategyConformanceTest {

    /** Thread counts of the table: one, two, odd, more than the cores, more than some grids' rows. */
    protected static final int[] THREAD_COUNTS = {1, 2, 3, 5, 8};

    private final Map<Integer, Strategy> opened = new HashMap<>();
    private final Strategy reference = new SequentialStrategy(StrategyConfig.threads(1));

    /** The provider under test. */
    protected abstract StrategyProvider provider();

    /**
     * The prefix of the names of the platform threads the strategy starts; the no-leak tests wait
     * for every such thread to end after close.
     */
    protected String threadNamePrefix() {
        return "arena-" + provider().name();
    }

    /**
     * Asserts that nothing of a closed strategy is left running. The default waits up to five
     * seconds for every platform thread named with {@link #threadNamePrefix()} to end; a strategy
     * whose workers are not platform threads adds its own checks.
     */
    protected void assertNothingLeftRunning(Strategy closed) throws InterruptedException {
        assertThat(LiveThreads.awaitNone(threadNamePrefix(), Duration.ofSeconds(5)))
                .as("threads of %s still alive after close", closed.name())
                .isEmpty();
    }

    /**
     * Whether the strategy runs the very {@link arena.core.kernel.Kernel} instance it is given. The fault
     * tests inject test kernels ({@link FailingKernel}, {@link InterruptingKernel}); a strategy whose
     * workers live in other processes knows kernels only by name, refuses such instances, and tests
     * its failure paths in its own module instead. Those tests are then skipped here, with this reason.
     */
    protected boolean runsGivenKernelInstances() {
        return true;
    }

    private void assumeKernelInstancesRun() {
        org.junit.jupiter.api.Assumptions.assumeTrue(runsGivenKernelInstances(),
                provider().name() + " knows kernels only by name; its module tests its failure paths with remote failures");
    }

    /** The schedules the table runs: several chunk sizes of every family the strategy declares. */
    protected List<Schedule> schedules() {
        List<Schedule> all = List.of(
                new Schedule.Static(0), new Schedule.Static(1), new Schedule.Static(3), new Schedule.Static(1000),
                new Schedule.Dynamic(1), new Schedule.Dynamic(3), new Schedule.Dynamic(1000),
                new Schedule.Guided(1), new Schedule.Guided(3),
                new Schedule.Split(1), new Schedule.Split(3), new Schedule.Split(1000));
        return all.stream().filter(s -> provider().capabilities().supports(s)).toList();
    }

    /** A balancing schedule the strategy supports, for the single-configuration tests. */
    protected Schedule balancingSchedule() {
        return schedules().stream()
                .filter(s -> s.kind() != Schedule.Kind.STATIC)
                .findFirst()
                .orElse(new Schedule.Static(1));
    }

    /** The strategy opened with {@code threads} workers, kept open for the rest of the test. */
    protected Strategy strategy(int threads) {
        int allowed = Math.min(threads, provider().capabilities().maxThreads());
        return opened.computeIfAbsent(allowed, t -> provider().open(StrategyConfig.threads(t)));
    }

    @AfterEach
    void closeOpenedStrategies() {
        opened.values().forEach(Strategy::close);
        opened.clear();
    }

    @TestFactory
    Stream<DynamicTest> goldenCases_reproduceEveryGoldenFigure() {
        return GoldenCases.all().stream().map(golden -> dynamicTest(golden.params().toString(), () -> {
            Strategy strategy = strategy(2);
            CountGrid grid = strategy.compute(golden.params(), Execution.of(balancingSchedule()));
            assertMatches(golden, grid, strategy);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyScheduleAndThreadCount_matchesSequential() {
        List<JuliaParams> problems = new ArrayList<>(GoldenCases.small().stream().map(GoldenCase::params).toList());
        problems.add(JuliaParams.of(13, new Complex(-0.7, 0.27)).withNMax(200));
        List<DynamicTest> tests = new ArrayList<>();
        for (int threads : THREAD_COUNTS) {
            for (Schedule schedule : schedules()) {
                tests.add(dynamicTest(threads + " threads, " + schedule.spec(), () -> {
                    for (JuliaParams problem : problems) {
                        assertSameAsSequential(strategy(threads), problem, schedule);
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void seededRandomSweep_matchesSequential() {
        long seed = Long.getLong("arena.seed", System.nanoTime());
        System.out.println(getClass().getSimpleName() + " random sweep seed: " + seed + " (replay with -Darena.seed=" + seed + ")");
        SplittableRandom random = new SplittableRandom(seed);
        List<Schedule.Kind> kinds = new ArrayList<>(EnumSet.copyOf(provider().capabilities().schedules()));
        for (int run = 0; run < 40; run++) {
            JuliaParams problem = new JuliaParams(random.nextInt(1, 120), random.nextDouble(-1, 1), random.nextDouble(-1, 1),
                    random.nextDouble(0.2, 2.0), random.nextDouble(0.5, 4.0), random.nextInt(0, 300));
            int threads = random.nextInt(1, 9);
            int chunk = random.nextInt(1, 20);
            Schedule schedule = switch (kinds.get(random.nextInt(kinds.size()))) {
                case STATIC -> new Schedule.Static(random.nextBoolean() ? 0 : chunk);
                case DYNAMIC -> new Schedule.Dynamic(chunk);
                case GUIDED -> new Schedule.Guided(chunk);
                case SPLIT -> new Schedule.Split(chunk);
            };
            String replay = "seed " + seed + ", run " + run + ": " + problem + ", " + threads + " threads, " + schedule.spec();
            assertSameAsSequential(strategy(threads), problem, schedule, replay);
        }
    }

    @TestFactory
    Stream<DynamicTest> workerFailure_reachesCallerWithItsCause_andStrategyStaysUsable() {
        assumeKernelInstancesRun();
        return schedules().stream().map(schedule -> dynamicTest(schedule.spec(), () -> {
            Strategy strategy = strategy(3);
            JuliaParams problem = JuliaParams.of(100, new Complex(-0.4, 0.6));
            FailingKernel failing = new FailingKernel(37);
            assertThatThrownBy(() -> strategy.compute(problem, new Execution(schedule, failing)))
                    .isInstanceOf(WorkerFailedException.class)
                    .hasMessageContaining(provider().name())
                    .cause()
                    .isInstanceOf(FailingKernel.InjectedFailure.class)
                    .hasMessage("injected failure at row 37");
            assertSameAsSequential(strategy, problem, schedule);
        }));
    }

    @Test
    void workerFailure_stopsTheOtherWorkersPromptly() {
        assumeKernelInstancesRun();
        Strategy strategy = strategy(2);
        JuliaParams problem = JuliaParams.seedCase().withResolution(400);
        FailingKernel failing = new FailingKernel(0);
        Schedule schedule = finestBalancingSchedule();
        assertThatThrownBy(() -> strategy.compute(problem, new Execution(schedule, failing)))
                .isInstanceOf(WorkerFailedException.class);
        assertThat(failing.rowsComputedAfterFailure())
                .as("rows started after the failing row threw, with %s", schedule.spec())
                .isLessThan(problem.size() / 4);
    }

    @Test
    void faultInjection_atRandomRows_underRandomSchedules_alwaysEndsWithTheOriginalCause() throws InterruptedException {
        assumeKernelInstancesRun();
        long seed = Long.getLong("arena.seed", System.nanoTime());
        System.out.println(getClass().getSimpleName() + " fault-injection seed: " + seed + " (replay with -Darena.seed=" + seed + ")");
        SplittableRandom random = new SplittableRandom(seed);
        List<Schedule> schedules = schedules();
        for (int run = 0; run < 25; run++) {
            int threads = random.nextInt(1, 9);
            Schedule schedule = schedules.get(random.nextInt(schedules.size()));
            JuliaParams problem = JuliaParams.of(random.nextInt(20, 160), new Complex(random.nextDouble(-0.9, 0.5), random.nextDouble(-0.6, 0.6)));
            int failingRow = random.nextInt(problem.size());
            String replay = "seed " + seed + ", run " + run + ": " + threads + " threads, " + schedule.spec() + ", row " + failingRow + " of " + problem;
            Strategy strategy = strategy(threads);
            long start = System.nanoTime();
            assertThatThrownBy(() -> strategy.compute(problem, new Execution(schedule, new FailingKernel(failingRow))))
                    .as(replay)
                    .isInstanceOf(WorkerFailedException.class)
                    .cause().isInstanceOf(FailingKernel.InjectedFailure.class)
                    .hasMessage("injected failure at row " + failingRow);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as(replay).isLessThan(Duration.ofSeconds(10));
            assertSameAsSequential(strategy, problem, schedule);
        }
        List<Strategy> used = new ArrayList<>(opened.values());
        closeOpenedStrategies();
        for (Strategy closed : used) {
            assertNothingLeftRunning(closed);
        }
    }

    @Test
    void workerInterruptedFromOutside_failsTheRunClearly_withoutHanging() {
        assumeKernelInstancesRun();
        Strategy strategy = provider().open(StrategyConfig.threads(Math.min(2, provider().capabilities().maxThreads())));
        try {
            JuliaParams problem = JuliaParams.of(300, new Complex(-0.4, 0.6));
            long start = System.nanoTime();
            assertThatThrownBy(() -> strategy.compute(problem, new Execution(balancingSchedule(), new InterruptingKernel(100))))
                    .isInstanceOfAny(java.util.concurrent.CancellationException.class, WorkerFailedException.class)
                    .hasMessageContaining("interrupted");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        } finally {
            Thread.interrupted();
            strategy.close();
        }
    }

    @Test
    void unsupportedSchedule_isRejectedNamingTheSupportedOnes() {
        EnumSet<Schedule.Kind> unsupported = EnumSet.complementOf(EnumSet.copyOf(provider().capabilities().schedules()));
        for (Schedule.Kind kind : unsupported) {
            Schedule schedule = Schedule.parse(kind.label() + ":2");
            assertThatThrownBy(() -> strategy(2).compute(JuliaParams.of(10, new Complex(0, 0)), Execution.of(schedule)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining(provider().capabilities().scheduleLabels());
        }
    }

    @Test
    void close_leavesNothingRunning_afterSuccessAndAfterFailure() throws InterruptedException {
        Strategy strategy = provider().open(StrategyConfig.threads(Math.min(4, provider().capabilities().maxThreads())));
        try {
            JuliaParams problem = JuliaParams.of(60, new Complex(0.285, 0.01));
            strategy.compute(problem, Execution.of(balancingSchedule()));
            if (runsGivenKernelInstances()) {
                assertThatThrownBy(() -> strategy.compute(problem, new Execution(balancingSchedule(), new FailingKernel(5))))
                        .isInstanceOf(WorkerFailedException.class);
            }
        } finally {
            strategy.close();
        }
        strategy.close();
        assertNothingLeftRunning(strategy);
    }

    private Schedule finestBalancingSchedule() {
        return schedules().stream()
                .filter(s -> s.equals(new Schedule.Dynamic(1)) || s.equals(new Schedule.Split(1)))
                .findFirst()
                .orElse(new Schedule.Static(1));
    }

    private void assertMatches(GoldenCase golden, CountGrid grid, Strategy strategy) {
        GridSummary summary = GridSummary.of(grid, golden.params().nMax());
        assertThat(summary).isEqualTo(golden.expected());
        assertThat(strategy.fraction(grid, golden.params().nMax())).isEqualTo(golden.expected().fraction());
    }

    /** Asserts that {@code strategy} computes {@code problem} exactly as {@code sequential} does, fraction included. */
    protected void assertSameAsSequential(Strategy strategy, JuliaParams problem, Schedule schedule) {
        assertSameAsSequential(strategy, problem, schedule,
                strategy.name() + ", " + strategy.threads() + " threads, " + schedule.spec() + " on " + problem);
    }

    private void assertSameAsSequential(Strategy strategy, JuliaParams problem, Schedule schedule, String description) {
        CountGrid expected = reference.compute(problem, Execution.reference());
        CountGrid actual = strategy.compute(problem, Execution.of(schedule));
        assertThat(CountGrid.difference(expected, actual)).as(description).isEmpty();
        int maxval = problem.nMax();
        assertThat(strategy.fraction(actual, maxval)).as(description).isEqualTo(reference.fraction(expected, maxval));
    }
}
