package arena.strategy.openmp;

import arena.core.CountGrid;
import arena.core.Execution;
import arena.core.Schedule;
import arena.core.SequentialStrategy;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.WorkerFailedException;
import arena.core.input.InvalidInputException;
import arena.core.Timeline;
import arena.core.kernel.Kernel;
import arena.core.kernel.Kernels;
import arena.core.problem.Complex;
import arena.core.problem.JuliaParams;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What openmp does beyond the shared suite: native threads, native errors, its own kernels, its cancel flag. */
class OpenMpStrategyTest {

    private final OpenMpProvider provider = new OpenMpProvider();

    @BeforeAll
    static void requireTheLibrary() {
        OpenMpAvailable.assume("OpenMpStrategyTest");
    }

    @Test
    void close_endsLibgompsNativeThreads_whichTheJvmDoesNotList() throws Exception {
        int before = NativeThreads.count();
        Strategy strategy = provider.open(StrategyConfig.threads(4));
        try {
            strategy.compute(JuliaParams.of(200, new Complex(-0.4, 0.6)), new Execution(new Schedule.Dynamic(1), provider.kernel(Kernels.AUTO)));
            assertThat(NativeThreads.named("arena-openmp")).as("the caller thread and libgomp's three workers, between calls")
                    .hasSizeGreaterThanOrEqualTo(4);
        } finally {
            strategy.close();
        }
        NativeThreads.assertNoneNamed("arena-openmp");
        assertThat(NativeThreads.count()).as("threads in /proc/self/task after close, %d before open", before).isLessThanOrEqualTo(before + 2);
    }

    @Test
    void aNativeError_isANativeFailure_sayingWhatWasWrong() {
        try (OpenMpSession session = NativeLoader.library().openSession()) {
            int[] counts = new int[121];
            assertThatThrownBy(() -> session.julia(JuliaParams.of(10, new Complex(0, 0)), 7, 1, 0, 0, counts, null))
                    .isInstanceOf(NativeFailure.class)
                    .hasMessageContaining("arena_julia returned 1: an invalid argument");
        }
    }

    @Test
    void aNegativeChunk_isANativeInvalidArgument_asWorkerFailedWithItsCause() {
        try (OpenMpStrategy strategy = (OpenMpStrategy) provider.open(StrategyConfig.threads(2))) {
            assertThatThrownBy(() -> strategy.computeNative(JuliaParams.of(10, new Complex(0, 0)), NativeKernel.C_SCALAR, 0, -1, null))
                    .isInstanceOf(WorkerFailedException.class)
                    .hasMessageContaining("openmp")
                    .cause().isInstanceOf(NativeFailure.class)
                    .hasMessageContaining("an invalid argument");
            CountGrid grid = strategy.compute(JuliaParams.of(10, new Complex(0, 0)), new Execution(new Schedule.Static(0), NativeKernel.C_SCALAR));
            assertThat(grid.size()).as("the strategy stays usable").isEqualTo(11);
        }
    }

    @Test
    void aRecordedRun_givesTheTimelineEveryRowOnce_onTheThreadItsScheduleChunkWent() {
        JuliaParams problem = JuliaParams.of(120, new Complex(-0.4, 0.6));
        try (Strategy strategy = provider.open(StrategyConfig.threads(3))) {
            for (Kernel kernel : new LinkedHashSet<>(List.of(NativeKernel.C_SCALAR, provider.kernel(Kernels.AUTO)))) {
                for (Schedule schedule : List.of(new Schedule.Static(0), new Schedule.Dynamic(2), new Schedule.Guided(1))) {
                    String run = kernel.name() + " " + schedule.spec();
                    Timeline timeline = new Timeline();
                    long before = System.nanoTime();
                    CountGrid grid = strategy.compute(problem, new Execution(schedule, kernel, timeline));
                    long after = System.nanoTime();
                    List<Timeline.Chunk> chunks = timeline.chunks();
                    assertThat(chunks).as(run).extracting(c -> c.rows().start())
                            .containsExactlyInAnyOrderElementsOf(IntStream.range(0, grid.size()).boxed().toList());
                    assertThat(chunks).as(run).allSatisfy(c -> {
                        assertThat(c.rows().rows()).isEqualTo(1);
                        assertThat(c.worker()).matches("arena-openmp-[012]");
                        assertThat(c.startNanos()).isBetween(before, c.endNanos());
                        assertThat(c.endNanos()).isLessThanOrEqualTo(after);
                    });
                    assertThat(chunks.stream().mapToLong(Timeline.Chunk::iterations).sum()).as(run).isEqualTo(grid.sum());
                    assertEachThreadsRowsTileItsTime(chunks, run);
                    String[] workerOfRow = new String[grid.size()];
                    chunks.forEach(c -> workerOfRow[c.rows().start()] = c.worker());
                    if (schedule instanceof Schedule.Dynamic) {
                        for (int row = 0; row + 1 < grid.size(); row += 2) {
                            assertThat(workerOfRow[row + 1]).as("%s: rows %d and %d are one chunk", run, row, row + 1).isEqualTo(workerOfRow[row]);
                        }
                    }
                    if (schedule instanceof Schedule.Static) {
                        assertThat(IntStream.range(1, grid.size()).filter(row -> !workerOfRow[row].equals(workerOfRow[row - 1])).count())
                                .as("%s: one block per thread, at most two changes of thread", run).isLessThanOrEqualTo(2);
                    }
                }
            }
        }
    }

    /** Each worker's rows, by start time, end no later than its next row starts. */
    private static void assertEachThreadsRowsTileItsTime(List<Timeline.Chunk> chunks, String run) {
        chunks.stream().collect(Collectors.groupingBy(Timeline.Chunk::worker)).forEach((worker, own) -> {
            List<Timeline.Chunk> sorted = own.stream().sorted(Comparator.comparingLong(Timeline.Chunk::startNanos)).toList();
            for (int k = 1; k < sorted.size(); k++) {
                assertThat(sorted.get(k - 1).endNanos()).as("%s: %s's rows in turn", run, worker).isLessThanOrEqualTo(sorted.get(k).startNanos());
            }
        });
    }

    @Test
    void aJvmKernel_isRefusedNamingTheNativeOnes() {
        try (Strategy strategy = provider.open(StrategyConfig.threads(1))) {
            assertThatThrownBy(() -> strategy.compute(JuliaParams.of(10, new Complex(0, 0)), new Execution(new Schedule.Static(0), Kernels.reference())))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("runs only its native kernels (c-avx512, c-scalar), not 'scalar'");
        }
    }

    @Test
    void nativeKernels_refuseToRunOutsideOpenmp() {
        try (Strategy sequential = new SequentialStrategy(StrategyConfig.threads(1))) {
            assertThatThrownBy(() -> sequential.compute(JuliaParams.of(10, new Complex(0, 0)), new Execution(new Schedule.Static(0), NativeKernel.C_SCALAR)))
                    .hasRootCauseInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void cAvx512_withoutAvx512_isListedUnavailable_andAutoIsCScalar() {
        Assumptions.assumeFalse(NativeLoader.library().hasAvx512(), "this CPU has AVX-512: c-avx512 runs (the conformance suite uses it)");
        assertThat(provider.whyKernelUnavailable("c-avx512")).contains("this CPU lacks AVX-512F");
        assertThat(provider.kernel(Kernels.AUTO)).isSameAs(NativeKernel.C_SCALAR);
        assertThatThrownBy(() -> provider.kernel("c-avx512"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("kernel 'c-avx512' of strategy 'openmp' is unavailable: this CPU lacks AVX-512F");
    }

    @Test
    void cAvx512_withAvx512_isAuto_andMatchesSequential() {
        Assumptions.assumeTrue(NativeLoader.library().hasAvx512(), "this CPU lacks AVX-512F: c-avx512 cannot run here");
        assertThat(provider.kernel(Kernels.AUTO)).isSameAs(NativeKernel.C_AVX512);
        JuliaParams problem = JuliaParams.of(301, new Complex(-0.7, 0.27)).withNMax(500);
        try (Strategy strategy = provider.open(StrategyConfig.threads(3));
             Strategy sequential = new SequentialStrategy(StrategyConfig.threads(1))) {
            CountGrid grid = strategy.compute(problem, new Execution(new Schedule.Guided(2), NativeKernel.C_AVX512));
            assertThat(CountGrid.difference(sequential.compute(problem, Execution.reference()), grid)).isEmpty();
        }
    }

    @Test
    void callerInterruptedMidRun_setsTheCancelFlag_andIsCancelledPromptly() throws InterruptedException {
        JuliaParams endless = JuliaParams.of(400, new Complex(0, 0)).withNMax(Integer.MAX_VALUE);
        try (Strategy strategy = provider.open(StrategyConfig.threads(2))) {
            Thread caller = Thread.currentThread();
            Thread interrupter = Thread.ofPlatform().name("test-interrupter").start(() -> {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
                caller.interrupt();
            });
            long start = System.nanoTime();
            try {
                assertThatThrownBy(() -> strategy.compute(endless, new Execution(new Schedule.Dynamic(1), provider.kernel(Kernels.AUTO))))
                        .isInstanceOf(CancellationException.class)
                        .hasMessageContaining("cancel flag");
                assertThat(Thread.currentThread().isInterrupted()).as("the caller's interrupt flag").isTrue();
            } finally {
                Thread.interrupted();
                interrupter.join();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            JuliaParams small = JuliaParams.of(30, new Complex(-0.4, 0.6));
            try (Strategy sequential = new SequentialStrategy(StrategyConfig.threads(1))) {
                assertThat(CountGrid.difference(sequential.compute(small, Execution.reference()),
                        strategy.compute(small, new Execution(new Schedule.Static(0), provider.kernel(Kernels.AUTO))))).isEmpty();
            }
        }
    }
}
