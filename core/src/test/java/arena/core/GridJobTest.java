package arena.core;

import arena.core.concurrent.StopSignal;
import arena.core.kernel.InterleavedKernel;
import arena.core.kernel.Kernel;
import arena.core.kernel.ScalarKernel;
import arena.core.kernel.VectorSupport;
import arena.core.problem.Complex;
import arena.core.problem.JuliaParams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GridJobTest {

    private static final JuliaParams PROBLEM = JuliaParams.of(40, new Complex(-0.4, 0.6));
    /** The centre of this 5 x 5 grid stays at z = 0 for c = 0: seconds of updates at n_max 2^31-1. */
    private static final JuliaParams ENDLESS_CENTRE = JuliaParams.of(4, new Complex(0, 0)).withNMax(Integer.MAX_VALUE);
    /** Warm kernels stop within a few milliseconds; a cold vector kernel (Vector API not yet compiled) within 0.4 s here. */
    private static final Duration PROMPT = Duration.ofSeconds(2);

    static Stream<Kernel> everyKernel() {
        return Stream.of(ScalarKernel.INSTANCE, InterleavedKernel.INSTANCE, VectorSupport.kernel());
    }

    private record Event(String worker, RowRange rows, long start, long end, long iterations) {
    }

    @Test
    void recordedExecution_reportsEveryChunkOnce_withItsIterations() {
        List<Event> events = Collections.synchronizedList(new ArrayList<>());
        ChunkRecorder recorder = (worker, rows, start, end, iterations) -> events.add(new Event(worker, rows, start, end, iterations));
        GridJob job = new GridJob("test", PROBLEM, new Execution(new Schedule.Dynamic(7), ScalarKernel.INSTANCE, recorder), 2);
        for (int id = 0; id < job.plan().size(); id++) {
            job.compute(id);
        }
        CountGrid grid = job.finish();
        assertThat(events).extracting(Event::rows).containsExactlyElementsOf(job.plan().chunks());
        assertThat(events.stream().mapToLong(Event::iterations).sum()).isEqualTo(grid.sum());
        assertThat(events).allSatisfy(e -> {
            assertThat(e.worker()).isEqualTo(Thread.currentThread().getName());
            assertThat(e.end()).isGreaterThanOrEqualTo(e.start());
        });
    }

    @Test
    void accept_placesRowsComputedElsewhere() {
        GridJob reference = new GridJob("reference", PROBLEM, Execution.reference(), 1);
        reference.compute(new RowRange(0, PROBLEM.size()));
        CountGrid expected = reference.finish();

        GridJob job = new GridJob("remote", PROBLEM, Execution.of(new Schedule.Dynamic(10)), 2);
        for (RowRange rows : job.plan().chunks()) {
            int[] counts = new int[rows.rows() * PROBLEM.size()];
            for (int r = rows.start(); r < rows.end(); r++) {
                System.arraycopy(expected.row(r), 0, counts, (r - rows.start()) * PROBLEM.size(), PROBLEM.size());
            }
            job.accept(rows, counts, "node-1", 0, 0);
        }
        assertThat(CountGrid.difference(expected, job.finish())).isEmpty();
    }

    @Test
    void remoteChunk_acceptedInParts_isRecordedOnce_withItsTimeInFlightAroundItsCompute() {
        GridJob reference = new GridJob("reference", PROBLEM, Execution.reference(), 1);
        reference.compute(new RowRange(0, PROBLEM.size()));
        CountGrid expected = reference.finish();
        Timeline timeline = new Timeline();
        GridJob job = new GridJob("remote", PROBLEM, new Execution(new Schedule.Static(0), ScalarKernel.INSTANCE, timeline), 1);
        int size = PROBLEM.size();
        for (int from = 0; from < size; from += 7) {
            RowRange part = new RowRange(from, Math.min(size, from + 7));
            int[] counts = new int[part.rows() * size];
            for (int r = part.start(); r < part.end(); r++) {
                System.arraycopy(expected.row(r), 0, counts, (r - part.start()) * size, size);
            }
            job.accept(part, counts);
        }
        assertThat(timeline.chunks()).as("parts are not chunks").isEmpty();

        job.recordRemote("10.0.0.7:25520/worker-3", new RowRange(0, size), 1_000, 1_400, 2_400, 3_000);

        assertThat(CountGrid.difference(expected, job.finish())).isEmpty();
        assertThat(timeline.chunks()).singleElement().satisfies(chunk -> {
            assertThat(chunk.worker()).isEqualTo("10.0.0.7:25520/worker-3");
            assertThat(chunk.nanos()).isEqualTo(1_000);
            assertThat(chunk.inFlightNanos()).as("3000 - 1000 - 1000").isEqualTo(1_000);
            assertThat(chunk.iterations()).isEqualTo(expected.sum());
        });
        Timeline.Summary summary = timeline.summary(0, 3_500, 1);
        assertThat(summary.inFlightByNode()).containsExactly(java.util.Map.entry("10.0.0.7:25520", 1_000L));
        assertThat(summary.joinNanos()).as("from the rows' arrival, not the compute's end").isEqualTo(500);
    }

    @Test
    void localChunks_haveNoTimeInFlight_andNoNodeInTheSummary() {
        Timeline timeline = new Timeline();
        GridJob job = new GridJob("test", PROBLEM, new Execution(new Schedule.Dynamic(8), ScalarKernel.INSTANCE, timeline), 2);
        for (int id = 0; id < job.plan().size(); id++) {
            job.compute(id);
        }
        job.finish();
        assertThat(timeline.chunks()).allSatisfy(chunk -> {
            assertThat(chunk.inFlightNanos()).isZero();
            assertThat(chunk.sentNanos()).isEqualTo(chunk.startNanos());
        });
        assertThat(timeline.summary(0, System.nanoTime(), 2).inFlightByNode()).isEmpty();
    }

    @Test
    void accept_rejectsCountsOfTheWrongLength() {
        GridJob job = new GridJob("remote", PROBLEM, Execution.of(new Schedule.Dynamic(10)), 2);
        assertThatThrownBy(() -> job.accept(new RowRange(0, 2), new int[5], "node-1", 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("need 82 counts, got 5");
    }

    @Test
    void firstFailureWins_andFinishRethrowsIt() {
        GridJob job = new GridJob("test", PROBLEM, Execution.of(new Schedule.Dynamic(1)), 2);
        IllegalStateException first = new IllegalStateException("first");
        job.fail(first);
        job.fail(new IllegalArgumentException("second"));
        assertThat(job.stopped()).isTrue();
        assertThatThrownBy(job::finish).isInstanceOf(WorkerFailedException.class).cause().isSameAs(first);
    }

    @ParameterizedTest
    @MethodSource("everyKernel")
    void cancelFromAnotherThread_stopsAWorkerInsideOnePixel_andTheGridIsNeverHandedOut(Kernel kernel) throws Exception {
        GridJob job = new GridJob("test", ENDLESS_CENTRE, new Execution(new Schedule.Static(0), kernel), 1);
        Thread worker = Thread.ofPlatform().name("arena-test-worker").start(() -> job.compute(0));
        worker.join(300); // well inside the centre pixel by then
        assertThat(worker.isAlive()).as("the worker is still on the centre pixel").isTrue();
        long cancelledAt = System.nanoTime();
        job.cancel("the test cancelled");
        worker.join(TimeUnit.SECONDS.toMillis(30));
        Duration latency = Duration.ofNanos(System.nanoTime() - cancelledAt);
        System.out.printf("%s: worker ended %.3f ms after cancel%n", kernel.name(), latency.toNanos() / 1e6);
        assertThat(worker.isAlive()).isFalse();
        assertThat(latency).isLessThan(PROMPT);
        assertThatThrownBy(job::finish).isInstanceOf(CancellationException.class).hasMessage("the test cancelled");
    }

    @ParameterizedTest
    @MethodSource("everyKernel")
    void anInterruptOfTheComputingThread_stopsItInsideOnePixel_cancelsTheJob_andKeepsTheFlag(Kernel kernel) throws Exception {
        GridJob job = new GridJob("test", ENDLESS_CENTRE, new Execution(new Schedule.Static(0), kernel), 1);
        AtomicBoolean flagKept = new AtomicBoolean();
        Thread worker = Thread.ofPlatform().name("arena-test-worker").start(() -> {
            job.compute(0);
            flagKept.set(Thread.currentThread().isInterrupted());
        });
        worker.join(300);
        assertThat(worker.isAlive()).as("the worker is still on the centre pixel").isTrue();
        long interruptedAt = System.nanoTime();
        worker.interrupt();
        worker.join(TimeUnit.SECONDS.toMillis(30));
        Duration latency = Duration.ofNanos(System.nanoTime() - interruptedAt);
        System.out.printf("%s: worker ended %.3f ms after its interrupt%n", kernel.name(), latency.toNanos() / 1e6);
        assertThat(worker.isAlive()).isFalse();
        assertThat(latency).isLessThan(PROMPT);
        assertThat(flagKept).isTrue();
        assertThatThrownBy(job::finish).isInstanceOf(CancellationException.class)
                .hasMessage("the computing thread arena-test-worker was interrupted");
    }

    @Test
    void aKernelThatStopsWithoutAStopRequest_failsTheJob_soItsPartialRowsAreNeverHandedOut() {
        Kernel quitter = new Kernel() {
            @Override
            public String name() {
                return "quitter";
            }

            @Override
            public void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd) {
                throw new AssertionError("the job calls the form with a stop signal");
            }

            @Override
            public boolean computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd, StopSignal stop) {
                return false;
            }
        };
        GridJob job = new GridJob("test", PROBLEM, new Execution(new Schedule.Static(0), quitter), 1);
        job.compute(0);
        assertThat(job.stopped()).isTrue();
        assertThatThrownBy(job::finish).isInstanceOf(WorkerFailedException.class).cause()
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("kernel 'quitter' stopped before the end of its rows");
    }
}
