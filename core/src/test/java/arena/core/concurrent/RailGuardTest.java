package arena.core.concurrent;

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
 * waits for the work in flight. The job is a real {@link FirstFailure}; rails are played here by
 * plain threads calling the guarded work.
 */
class RailGuardTest {

    private static final Duration WAIT = Latches.WAIT;

    private final FirstFailure job = new FirstFailure();
    private final RailGuard guard = new RailGuard(job);
    private Thread rail;

    @AfterEach
    void joinTheRail() throws InterruptedException {
        Latches.assertEnds(rail);
    }

    @Test
    void skipsWork_onceTheJobIsStopped() {
        AtomicInteger unitsComputed = new AtomicInteger();
        IntConsumer guarded = guard.around(unit -> unitsComputed.incrementAndGet());

        job.fail(new CancellationException("the caller gave up"));
        guarded.accept(0);
        guarded.accept(1);

        assertThat(unitsComputed.get()).isZero();
        assertThat(guard.signal()).isNull();
    }

    @Test
    void skipsWork_onceStopAndAwaitHasReturned() {
        AtomicInteger unitsComputed = new AtomicInteger();
        IntConsumer guarded = guard.around(unit -> unitsComputed.incrementAndGet());

        guarded.accept(0);
        guard.stopAndAwait();
        guarded.accept(1);
        guarded.accept(0);

        assertThat(unitsComputed.get()).isEqualTo(1);
    }

    @Test
    void firstFailure_isRecordedOnTheJob_andRethrownToTheRail() {
        IllegalStateException thrown = new IllegalStateException("unit 3 fails");
        IntConsumer guarded = guard.around(unit -> {
            if (unit == 3) {
                throw thrown;
            }
        });

        guarded.accept(2);
        assertThatThrownBy(() -> guarded.accept(3)).isSameAs(thrown);

        assertThat(guard.signal()).isSameAs(thrown);
        assertThat(job.cause()).isSameAs(thrown);
    }

    @Test
    void firstError_isSignalledAsARuntimeExceptionCarryingIt_whileTheJobHoldsTheOriginal() {
        StackOverflowError thrown = new StackOverflowError("kernel overflowed");
        IntConsumer guarded = guard.around(unit -> {
            throw thrown;
        });

        assertThatThrownBy(() -> guarded.accept(0))
                .isInstanceOf(RuntimeException.class)
                .isSameAs(guard.signal())
                .cause()
                .isSameAs(thrown);
        assertThat(job.cause()).isSameAs(thrown);
    }

    @Test
    void secondFailure_isRecordedButSwallowed_whileTheFirstStaysTheJobsFailure() throws InterruptedException {
        CountDownLatch slowUnitStarted = new CountDownLatch(1);
        CountDownLatch firstFailed = new CountDownLatch(1);
        IntConsumer guarded = guard.around(unit -> {
            if (unit == 0) {
                slowUnitStarted.countDown();
                Latches.await(firstFailed);
                throw new IllegalStateException("unit 0 fails second");
            }
            throw new IllegalStateException("unit 1 fails first");
        });
        AtomicReference<Throwable> thrownOnRail = startRail(guarded, 0);
        assertThat(slowUnitStarted.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        assertThatThrownBy(() -> guarded.accept(1)).hasMessage("unit 1 fails first");
        firstFailed.countDown();
        rail.join(WAIT.toMillis());

        assertThat(thrownOnRail.get()).as("what the second failing rail threw").isNull();
        assertThat(guard.signal()).hasMessage("unit 1 fails first");
        assertThat(job.cause()).hasMessage("unit 1 fails first");
    }

    @Test
    void failureAfterTheRunWasStopped_isSwallowed_andTheJobStaysCancelled() throws InterruptedException {
        CountDownLatch unitStarted = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        IntConsumer guarded = guard.around(unit -> {
            unitStarted.countDown();
            Latches.await(cancelled);
            throw new IllegalStateException("unit " + unit + " fails after the cancel");
        });
        AtomicReference<Throwable> thrownOnRail = startRail(guarded, 0);
        assertThat(unitStarted.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        job.fail(new CancellationException("the caller gave up"));
        cancelled.countDown();
        guard.stopAndAwait();

        assertThat(thrownOnRail.get()).as("what the failing rail threw").isNull();
        assertThat(guard.signal()).isNull();
        assertThat(job.cause()).isInstanceOf(CancellationException.class).hasMessage("the caller gave up");
    }

    @Test
    void stopAndAwait_returnsOnlyAfterTheUnitInFlightHasFinished() throws InterruptedException {
        CountDownLatch unitStarted = new CountDownLatch(1);
        AtomicInteger unitsFinished = new AtomicInteger();
        IntConsumer guarded = guard.around(unit -> {
            unitStarted.countDown();
            busyFor(Duration.ofMillis(200));
            unitsFinished.incrementAndGet();
        });
        startRail(guarded, 0);
        assertThat(unitStarted.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        guard.stopAndAwait();

        assertThat(unitsFinished.get()).as("units finished when stopAndAwait returned").isEqualTo(1);
    }

    /** Starts the test's rail on {@code unit}; what it throws lands in the returned reference. */
    private AtomicReference<Throwable> startRail(IntConsumer guarded, int unit) {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        rail = new Thread(() -> {
            try {
                guarded.accept(unit);
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "test-rail");
        rail.start();
        return thrown;
    }


    private static void busyFor(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }
}
