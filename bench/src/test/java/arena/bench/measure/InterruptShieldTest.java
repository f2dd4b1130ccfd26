package arena.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** An interrupt never lands inside a shielded action: it waits for the action and lands after it. */
class InterruptShieldTest {

    @Test
    void anInterruptDuringAShieldedAction_landsOnlyAfterTheActionReturned() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean interruptedInside = new AtomicBoolean();
        AtomicBoolean interruptedAfter = new AtomicBoolean();
        Thread worker = Thread.ofPlatform().name("shield-test").start(() -> {
            InterruptShield.shielded(() -> {
                inside.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    interruptedInside.set(true);
                }
                interruptedInside.compareAndSet(false, Thread.currentThread().isInterrupted());
                return null;
            });
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException landed) {
                interruptedAfter.set(true);
            }
        });
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        Thread interrupter = Thread.ofPlatform().name("shield-test-interrupter").start(() -> {
            try {
                InterruptShield.interruptWhenUnshielded(worker, () -> { });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread.sleep(200);
        assertThat(interrupter.isAlive()).as("the interrupt waits for the shielded action").isTrue();
        release.countDown();
        interrupter.join(10_000);
        worker.join(10_000);

        assertThat(worker.isAlive()).isFalse();
        assertThat(interruptedInside).as("interrupted inside the action").isFalse();
        assertThat(interruptedAfter).as("interrupted once it returned").isTrue();
    }

    @Test
    void aPendingInterrupt_isClearedForTheActionAndRestoredAfterIt() {
        Thread.currentThread().interrupt();
        boolean seenInside = InterruptShield.shielded(() -> Thread.currentThread().isInterrupted());

        assertThat(seenInside).isFalse();
        assertThat(Thread.interrupted()).as("restored, and cleared by this check").isTrue();
    }
}
