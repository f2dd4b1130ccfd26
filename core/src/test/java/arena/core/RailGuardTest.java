package arena.core;

import arena.core.kernel.Kernel;
import arena.core.problem.Complex;
import arena.core.problem.JuliaParams;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The guard that the reactive strategies put around their rails' work: it skips work once stopped,
 * records a failure on the job where it is thrown, lets exactly one failure through to the rail, and
 * waits for the work in flight. Rails are played here by plain threads calling the guard.
 */
class RailGuardTest {

    private static final JuliaParams PROBLEM = JuliaParams.of(8, new Complex(-0.4, 0.6));
    private static final Duration WAIT = Duration.ofSeconds(5);

    private Thread rail;

    @AfterEach
    void joinTheRail() throws InterruptedException {
        if (rail != null) {
            rail.join(WAIT.toMillis());
            assertThat(rail.isAlive()).as("the test's rail thread ended").isFalse();
        }
    }

    @Test
    void skipsWork_onceTheJobIsStopped() {
        AtomicInteger rowsComputed = new AtomicInteger();
        GridJob job = job(row -> rowsComputed.incrementAndGet());
        RailGuard guard = new RailGuard(job);

        job.cancel("the caller gave up");
        guard.computeChunk(0);
        guard.computeOwnedChunks(1);

        assertThat(rowsComputed.get()).isZero();
        assertThat(guard.signal()).isNull();
    }

    @Test
    void skipsWork_onceStopAndAwaitHasReturned() {
        AtomicInteger rowsComputed = new AtomicInteger();
        GridJob job = job(row -> rowsComputed.incrementAndGet());
        RailGuard guard = new RailGuard(job);

        guard.computeChunk(0);
        guard.stopAndAwait();
        guard.computeChunk(1);
        guard.computeOwnedChunks(0);

        assertThat(rowsComputed.get()).isEqualTo(1);
    }

    @Test
    void firstFailure_isRecordedOnTheJob_andRethrownToTheRail() {
        IllegalStateException thrown = new IllegalStateException("row 3 fails");
        GridJob job = job(row -> {
            if (row == 3) {
                throw thrown;
            }
        });
        RailGuard guard = new RailGuard(job);

        guard.computeChunk(2);
        assertThatThrownBy(() -> guard.computeChunk(3)).isSameAs(thrown);

        assertThat(guard.signal()).isSameAs(thrown);
        assertThatThrownBy(job::finish).isInstanceOf(WorkerFailedException.class).cause().isSameAs(thrown);
    }

    @Test
    void firstError_isSignalledAsARuntimeExceptionCarryingIt_whileTheJobHoldsTheOriginal() {
        StackOverflowError thrown = new StackOverflowError("kernel overflowed");
        GridJob job = job(row -> {
            throw thrown;
        });
        RailGuard guard = new RailGuard(job);

        assertThatThrownBy(() -> guard.computeChunk(0))
                .isInstanceOf(RuntimeException.class)
                .isSameAs(guard.signal())
                .cause()
                .isSameAs(thrown);
        assertThatThrownBy(job::finish).isInstanceOf(WorkerFailedException.class).cause().isSameAs(thrown);
    }

    @Test
    void secondFailure_isRecordedButSwallowed_whileTheFirstStaysTheJobsFailure() throws InterruptedException {
        CountDownLatch slowRowStarted = new CountDownLatch(1);
        CountDownLatch firstFailed = new CountDownLatch(1);
        GridJob job = job(row -> {
            if (row == 0) {
                slowRowStarted.countDown();
                await(firstFailed);
                throw new IllegalStateException("row 0 fails second");
            }
            throw new IllegalStateException("row 1 fails first");
        });
        RailGuard guard = new RailGuard(job);
        AtomicReference<Throwable> thrownOnRail = new AtomicReference<>();
        rail = startRail(() -> {
            try {
                guard.computeChunk(0);
            } catch (Throwable t) {
                thrownOnRail.set(t);
            }
        });
        assertThat(slowRowStarted.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        assertThatThrownBy(() -> guard.computeChunk(1)).hasMessage("row 1 fails first");
        firstFailed.countDown();
        rail.join(WAIT.toMillis());

        assertThat(thrownOnRail.get()).as("what the second failing rail threw").isNull();
        assertThat(guard.signal()).hasMessage("row 1 fails first");
        assertThatThrownBy(job::finish).cause().hasMessage("row 1 fails first");
    }

    @Test
    void failureAfterTheRunWasStopped_isSwallowed_andTheJobStaysCancelled() throws InterruptedException {
        CountDownLatch rowStarted = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        GridJob job = job(row -> {
            rowStarted.countDown();
            await(cancelled);
            throw new IllegalStateException("row " + row + " fails after the cancel");
        });
        RailGuard guard = new RailGuard(job);
        AtomicReference<Throwable> thrownOnRail = new AtomicReference<>();
        rail = startRail(() -> {
            try {
                guard.computeChunk(0);
            } catch (Throwable t) {
                thrownOnRail.set(t);
            }
        });
        assertThat(rowStarted.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        job.cancel("the caller gave up");
        cancelled.countDown();
        guard.stopAndAwait();

        assertThat(thrownOnRail.get()).as("what the failing rail threw").isNull();
        assertThat(guard.signal()).isNull();
        assertThatThrownBy(job::finish).isInstanceOf(CancellationException.class).hasMessage("the caller gave up");
    }

    @Test
    void stopAndAwait_returnsOnlyAfterTheChunkInFlightHasFinished() throws InterruptedException {
        CountDownLatch rowStarted = new CountDownLatch(1);
        AtomicInteger rowsFinished = new AtomicInteger();
        GridJob job = job(row -> {
            rowStarted.countDown();
            busyFor(Duration.ofMillis(200));
            rowsFinished.incrementAndGet();
        });
        RailGuard guard = new RailGuard(job);
        rail = startRail(() -> guard.computeChunk(0));
        assertThat(rowStarted.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        guard.stopAndAwait();

        assertThat(rowsFinished.get()).as("rows finished when stopAndAwait returned").isEqualTo(1);
    }

    /** A job of one-row chunks, two workers, whose kernel runs {@code perRow} for every row it computes. */
    private static GridJob job(IntConsumer perRow) {
        Kernel kernel = new Kernel() {
            @Override
            public String name() {
                return "per-row";
            }

            @Override
            public void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd) {
                for (int row = rowStart; row < rowEnd; row++) {
                    perRow.accept(row);
                }
            }
        };
        return new GridJob("test", PROBLEM, new Execution(new Schedule.Dynamic(1), kernel), 2);
    }

    private static Thread startRail(Runnable work) {
        Thread thread = new Thread(work, "test-rail");
        thread.start();
        return thread;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the test's latch was not released in " + WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void busyFor(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }
}
