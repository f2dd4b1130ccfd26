package arena.core.concurrent;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The count of units in flight: refused once stopped, and a stop that waits for the unit in flight. */
class InFlightTest {

    private static final Duration WAIT = Latches.WAIT;

    private final InFlight inFlight = new InFlight();

    @Test
    void apply_runsTheWork_untilTheRunIsStopped_thenReturnsTheRefusedValue() {
        AtomicInteger calls = new AtomicInteger();

        long before = inFlight.apply(unit -> {
            calls.incrementAndGet();
            return unit * 10L;
        }, 4, -1L);
        inFlight.stopAndAwait();
        long after = inFlight.apply(unit -> {
            calls.incrementAndGet();
            return unit * 10L;
        }, 5, -1L);

        assertThat(before).isEqualTo(40L);
        assertThat(after).isEqualTo(-1L);
        assertThat(calls).hasValue(1);
        assertThat(inFlight.enter()).isFalse();
    }

    @Test
    void stopAndAwait_returnsOnlyAfterTheUnitInFlightHasLeft_throughAnInterrupt() throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean unitLeft = new AtomicBoolean();
        Thread worker = Thread.ofPlatform().name("test-worker").start(() -> inFlight.apply(unit -> {
            entered.countDown();
            Latches.await(release);
            unitLeft.set(true);
            return 0L;
        }, 0, 0L));
        assertThat(entered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        AtomicBoolean leftBeforeReturn = new AtomicBoolean();
        AtomicBoolean flagKept = new AtomicBoolean();
        Thread waiter = Thread.ofPlatform().name("test-waiter").start(() -> {
            inFlight.stopAndAwait();
            leftBeforeReturn.set(unitLeft.get());
            flagKept.set(Thread.currentThread().isInterrupted());
        });

        Latches.awaitBlocked(waiter);
        waiter.interrupt();
        Latches.awaitBlocked(waiter);
        release.countDown();
        waiter.join(WAIT.toMillis());
        worker.join(WAIT.toMillis());

        assertThat(waiter.isAlive()).isFalse();
        assertThat(leftBeforeReturn).isTrue();
        assertThat(flagKept).isTrue();
        assertThat(inFlight.enter()).as("a unit entered after the stop").isFalse();
    }
}
