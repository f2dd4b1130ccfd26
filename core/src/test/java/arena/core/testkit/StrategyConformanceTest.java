package arena.core.testkit;

import arena.core.AbstractStrategy;
import arena.core.CountGrid;
import arena.core.Execution;
import arena.core.GoldenCase;
import arena.core.GridSummary;
import arena.core.Schedule;
import arena.core.SequentialStrategy;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.StrategyProvider;
import arena.core.StrategyRegistry;
import arena.core.WorkerFailedException;
import arena.core.input.InvalidInputException;
import arena.core.kernel.Kernels;
import arena.core.problem.Complex;
import arena.core.problem.JuliaParams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * What every strategy must do, written once: each strategy module's test extends this class and
 * names its provider. It checks the golden figures, bit-identity with {@code sequential} over a table
 * of problems, thread counts and every schedule the strategy declares, a seeded random sweep (the
 * seed is printed; set {@code -Darena.seed=N} to replay), failure propagation with the original
 * cause, prompt stopping, a failure surfacing only once the chunks in flight elsewhere have ended, reuse
 * after a failure, the caller's interrupt (before and during a call, and before a count: a
 * {@link CancellationException}, the flag kept, nothing left computing, the strategy usable after),
 * refusal of unsupported schedules, that the module's services file registers the provider and, after
 * close, that no thread of the strategy is left alive.
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
     * Whether a worker holds one shared chunk at a time, so that a free worker takes the next chunk
     * while another is busy (OpenMP's dynamic). A model that deals each worker a chunk ahead, to
     * hide a round trip, says so here, and the hand-out test is skipped for it.
     */
    protected boolean holdsOneSharedChunkAtATime() {
        return true;
    }

    /**
     * Whether each worker runs on one thread for the whole call, so that the thread that ran a chunk
     * tells which worker ran it. A model whose workers hop between the threads of a pool (RxJava's
     * {@code Schedulers.from(executor)} does not pin a rail to a thread) says so here, and the
     * hand-out test then asserts only that the rows ran on the strategy's own threads.
     */
    protected boolean pinsWorkersToThreads() {
        return true;
    }

    /** The class this module's services file registers; the provider under test's own class unless it wraps one. */
    protected Class<? extends StrategyProvider> registeredProviderClass() {
        return provider().getClass();
    }

    /**
     * Asserts that an open strategy computes nothing between two calls, after a call that failed or
     * was cancelled. The default checks nothing more than the kernels' own counts do (a pool's idle
     * threads may live on); a strategy that can tell more (for example that none of its tasks is
     * running) checks it here.
     */
    protected void assertIdleBetweenCalls(Strategy open) {
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

    /**
     * {@code schedule} with the strategy's default kernel ({@code auto} as {@link StrategyProvider#kernel}
     * resolves it: the fastest JVM kernel, or the fastest of a strategy's own kernels).
     */
    protected Execution execution(Schedule schedule) {
        return new Execution(schedule, provider().kernel(Kernels.AUTO));
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
            CountGrid grid = strategy.compute(golden.params(), execution(balancingSchedule()));
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
        for (int run = 0; run < 40; run++) {
            JuliaParams problem = new JuliaParams(random.nextInt(1, 120), random.nextDouble(-1, 1), random.nextDouble(-1, 1),
                    random.nextDouble(0.2, 2.0), random.nextDouble(0.5, 4.0), random.nextInt(0, 300));
            int threads = random.nextInt(1, 9);
            Schedule schedule = RandomSchedules.draw(random, provider().capabilities(), random.nextInt(1, 20));
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
        JuliaParams problem = JuliaParams.chapterCase().withResolution(400);
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

    @TestFactory
    Stream<DynamicTest> workerFailure_surfacesOnlyOnceTheChunkInFlightElsewhereHasEnded_asTheVeryInstanceThrown() {
        assumeKernelInstancesRun();
        org.junit.jupiter.api.Assumptions.assumeTrue(provider().capabilities().maxThreads() >= 2, "one worker: nothing runs elsewhere");
        JuliaParams problem = JuliaParams.of(40, new Complex(-0.7, 0.27)).withNMax(200);
        return schedules().stream().filter(s -> s.plan(problem.size(), 2).chunks().size() >= 2).map(schedule -> dynamicTest(schedule.spec(), () -> {
            Strategy strategy = strategy(2);
            FailsWhileAnotherBandRunsKernel kernel = new FailsWhileAnotherBandRunsKernel(Duration.ofMillis(200));
            assertThatThrownBy(() -> strategy.compute(problem, new Execution(schedule, kernel)))
                    .isInstanceOf(WorkerFailedException.class)
                    .cause()
                    .isSameAs(kernel.failure());
            assertThat(kernel.secondBandFinished()).as("the band in flight on the other worker finished before compute returned").isTrue();
            assertThat(kernel.rowsComputed()).as("rows computed: the others stopped").isLessThan(problem.size());
            assertIdleBetweenCalls(strategy);
            assertSameAsSequential(strategy, problem, schedule);
        }));
    }

    @Test
    void dynamicSchedule_aFreeWorkerTakesEveryNextChunk_whileAnotherIsBusy() {
        assumeKernelInstancesRun();
        org.junit.jupiter.api.Assumptions.assumeTrue(provider().capabilities().supports(new Schedule.Dynamic(1))
                && provider().capabilities().maxThreads() >= 2, "no dynamic hand-out among two workers");
        org.junit.jupiter.api.Assumptions.assumeTrue(holdsOneSharedChunkAtATime(), provider().name() + " deals each worker a chunk ahead");
        JuliaParams problem = JuliaParams.of(19, new Complex(0.285, 0.01));
        FirstRowWaitsForTheOthersKernel kernel = new FirstRowWaitsForTheOthersKernel(problem.size());
        CountGrid grid = strategy(2).compute(problem, new Execution(new Schedule.Dynamic(1), kernel));

        assertThat(kernel.othersDoneInTime())
                .as("rows 1..%d were computed while row 0 held its worker (no worker pre-claimed chunks)", problem.size() - 1)
                .isTrue();
        if (pinsWorkersToThreads()) {
            assertThat(kernel.threadsOf(IntStream.range(1, problem.size()))).doesNotContain(kernel.threadOf(0));
        } else {
            assertThat(kernel.threadsOf(IntStream.range(0, problem.size())))
                    .allSatisfy(name -> assertThat(name).startsWith("arena-" + provider().name() + "-"));
        }
        assertThat(CountGrid.difference(reference.compute(problem, Execution.reference()), grid)).isEmpty();
    }

    @Test
    void twoWorkersFailingAtOnce_theCallerGetsOneOfTheFailures() {
        assumeKernelInstancesRun();
        org.junit.jupiter.api.Assumptions.assumeTrue(provider().capabilities().supports(new Schedule.Dynamic(1))
                && provider().capabilities().maxThreads() >= 2, "no dynamic hand-out among two workers");
        TwoRowsFailTogetherKernel.assertOneOfTwoFailuresReachesTheCaller(strategy(2), JuliaParams.of(40, new Complex(-0.7, 0.27)));
    }

    @Test
    void callerInterruptedBeforeTheCall_isCancelled_keepsItsInterruptFlag_andTheStrategyStaysUsable() {
        Strategy strategy = strategy(2);
        JuliaParams problem = JuliaParams.chapterCase().withResolution(400);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> strategy.compute(problem, execution(balancingSchedule())))
                    .isInstanceOf(CancellationException.class);
        } finally {
            assertThat(Thread.interrupted()).as("the caller's interrupt flag").isTrue();
        }
        assertIdleBetweenCalls(strategy);
        assertSameAsSequential(strategy, problem, balancingSchedule());
    }

    @TestFactory
    Stream<DynamicTest> callerInterruptedMidRun_isCancelledPromptly_onceEveryChunkInFlightHasEnded_andKeepsItsInterruptFlag() {
        assumeKernelInstancesRun();
        JuliaParams problem = JuliaParams.of(40, new Complex(-0.7, 0.27)).withNMax(200);
        return IntStream.of(1, 2).mapToObj(threads -> dynamicTest(threads + " thread(s), " + finestBalancingSchedule().spec(), () -> {
            Strategy strategy = strategy(threads);
            SlowBandsKernel kernel = new SlowBandsKernel(Duration.ofMillis(100));
            Thread caller = Thread.currentThread();
            Thread interrupter = Thread.ofPlatform().name("test-interrupter").start(() -> {
                kernel.awaitFirstStarted();
                caller.interrupt();
            });
            long start = System.nanoTime();
            try {
                assertThatThrownBy(() -> strategy.compute(problem, new Execution(finestBalancingSchedule(), kernel)))
                        .isInstanceOf(CancellationException.class);
                assertThat(Thread.currentThread().isInterrupted()).as("the caller's interrupt flag").isTrue();
            } finally {
                Thread.interrupted();
                interrupter.join();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(kernel.bandsFinished()).as("bands finished before compute returned")
                    .isEqualTo(kernel.bandsStarted());
            assertThat(kernel.rowsFinished()).as("rows computed: the cancel stopped the others").isLessThan(problem.size());
            assertIdleBetweenCalls(strategy);
            assertSameAsSequential(strategy, problem, finestBalancingSchedule());
        }));
    }

    @Test
    void callerInterruptedBeforeTheCount_getsNoFraction_keepsItsInterruptFlag_andTheStrategyStaysUsable() {
        JuliaParams problem = JuliaParams.of(40, new Complex(-0.7, 0.27)).withNMax(200);
        CountGrid grid = reference.compute(problem, Execution.reference());
        Strategy strategy = strategy(2);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> strategy.fraction(grid, problem.nMax())).isInstanceOf(CancellationException.class);
        } finally {
            assertThat(Thread.interrupted()).as("the caller's interrupt flag").isTrue();
        }
        assertThat(strategy.fraction(grid, problem.nMax())).isEqualTo(reference.fraction(grid, problem.nMax()));
    }

    @Test
    void provider_isRegisteredInThisModulesServicesFile() {
        assertThat(StrategyRegistry.discover().names())
                .as("strategies ServiceLoader finds; '%s' missing means its module's META-INF/services/%s is missing or wrong",
                        provider().name(), StrategyProvider.class.getName())
                .contains(provider().name());
        assertThat(StrategyRegistry.discover().find(provider().name())).isInstanceOf(registeredProviderClass());
    }

    @Test
    void unsupportedSchedule_isRejectedNamingTheSupportedOnes() {
        EnumSet<Schedule.Kind> unsupported = EnumSet.complementOf(EnumSet.copyOf(provider().capabilities().schedules()));
        for (Schedule.Kind kind : unsupported) {
            Schedule schedule = Schedule.parse(kind.label() + ":2");
            assertThatThrownBy(() -> strategy(2).compute(JuliaParams.of(10, new Complex(0, 0)), execution(schedule)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining(provider().capabilities().scheduleLabels());
        }
    }

    @Test
    void close_leavesNothingRunning_afterSuccessAndAfterFailure() throws InterruptedException {
        Strategy strategy = provider().open(StrategyConfig.threads(Math.min(4, provider().capabilities().maxThreads())));
        try {
            JuliaParams problem = JuliaParams.of(60, new Complex(0.285, 0.01));
            strategy.compute(problem, execution(balancingSchedule()));
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

    /**
     * A strategy that keeps workers between calls (a pool or an actor system, seen as its threads
     * alive after a call) refuses a call after close; one whose workers are not seen between calls
     * either refuses it too or computes it correctly. Either way nothing is left running. (Virtual
     * threads are not seen here; the {@code virtual} module checks its own refusal.)
     */
    @Test
    void computeAfterClose_isRefusedWhenTheStrategyKeptWorkers_andStartsNothing() throws InterruptedException {
        Strategy strategy = provider().open(StrategyConfig.threads(Math.min(2, provider().capabilities().maxThreads())));
        JuliaParams problem = JuliaParams.of(29, new Complex(-0.7, 0.27)).withNMax(60);
        strategy.compute(problem, execution(balancingSchedule()));
        boolean keptWorkers = !LiveThreads.named(threadNamePrefix()).isEmpty();
        strategy.close();
        // AbstractStrategy reports whatever stopped its run as a worker failure; others refuse up front
        Class<? extends RuntimeException> refusal = strategy instanceof AbstractStrategy
                ? WorkerFailedException.class : IllegalStateException.class;
        CountGrid expected = reference.compute(problem, Execution.reference());
        Throwable thrown = catchThrowable(() -> assertThat(CountGrid.difference(expected,
                strategy.compute(problem, execution(balancingSchedule())))).as("a call after close that computed").isEmpty());
        if (keptWorkers || thrown != null) {
            assertThat(thrown).as("a call after close").isInstanceOf(refusal);
        }
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
        CountGrid actual = strategy.compute(problem, execution(schedule));
        assertThat(CountGrid.difference(expected, actual)).as(description).isEmpty();
        int maxval = problem.nMax();
        assertThat(strategy.fraction(actual, maxval)).as(description).isEqualTo(reference.fraction(expected, maxval));
    }
}
