package arena.core.concurrent;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A pool's thread factory that names its threads and can tell whether they have all ended. */
class TrackedThreadsTest {

    private final TrackedThreads factory = new TrackedThreads("arena-test-tracked");
    private final CountDownLatch release = new CountDownLatch(1);
    private Thread blocked;

    @AfterEach
    void releaseTheBlockedThread() throws InterruptedException {
        release.countDown();
        Latches.assertEnds(blocked);
    }

    @Test
    void newThread_namesDaemonsInOrder() {
        Thread first = factory.newThread(() -> { });
        Thread second = factory.newThread(() -> { });

        assertThat(first.getName()).isEqualTo("arena-test-tracked-1");
        assertThat(second.getName()).isEqualTo("arena-test-tracked-2");
        assertThat(first.isDaemon()).isTrue();
    }

    @Test
    void requireEnded_returns_onceEveryThreadHasEnded() {
        factory.newThread(() -> { }).start();
        factory.newThread(() -> { }).start();

        factory.requireEnded(Latches.WAIT, "the test");

        assertThat(factory.awaitEnd(Duration.ZERO)).isEmpty();
    }

    @Test
    void requireEnded_namesTheOwnerAndTheThreadStillAlive() throws InterruptedException {
        startBlocked();

        assertThatThrownBy(() -> factory.requireEnded(Duration.ofMillis(50), "strategy 'test'"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("threads of strategy 'test' still alive 0 s after close: [arena-test-tracked-1]");
        release.countDown();
        Latches.assertEnds(blocked);
        assertThat(factory.awaitEnd(Duration.ZERO)).isEmpty();
    }

    @Test
    void awaitEnd_goesOnThroughAnInterrupt_untilTheThreadHasEnded_andKeepsTheFlag() throws InterruptedException {
        startBlocked();
        AtomicReference<List<String>> alive = new AtomicReference<>();
        AtomicBoolean flagKept = new AtomicBoolean();
        Thread closer = Thread.ofPlatform().name("test-closer").start(() -> {
            alive.set(factory.awaitEnd(Latches.WAIT));
            flagKept.set(Thread.currentThread().isInterrupted());
        });

        Latches.awaitBlocked(closer);
        closer.interrupt();
        Latches.awaitBlocked(closer);
        release.countDown();
        Latches.assertEnds(closer);

        assertThat(alive.get()).isEmpty();
        assertThat(flagKept).isTrue();
    }

    /** Starts a thread of the factory that blocks until the test releases it. */
    private void startBlocked() {
        blocked = factory.newThread(() -> Latches.await(release));
        blocked.start();
    }
}
