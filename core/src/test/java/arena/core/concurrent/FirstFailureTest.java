package arena.core.concurrent;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The first failure of a run's workers: kept as thrown, later ones dropped, rethrown by the caller. */
class FirstFailureTest {

    private final FirstFailure failure = new FirstFailure();

    @Test
    void noFailure_leavesTheRunGoing_andThrowsNothing() {
        assertThat(failure.stopped()).isFalse();
        assertThat(failure.cause()).isNull();
        failure.throwIfFailed();
    }

    @Test
    void firstFailure_stopsTheRun_andLaterOnesAreDropped() {
        IllegalStateException first = new IllegalStateException("first");

        failure.fail(first);
        failure.fail(new IllegalArgumentException("second"));

        assertThat(failure.stopped()).isTrue();
        assertThat(failure.cause()).isSameAs(first);
        assertThatThrownBy(failure::throwIfFailed).isSameAs(first);
    }

    @Test
    void anError_isRethrownItself() {
        OutOfMemoryError error = new OutOfMemoryError("no native thread");

        failure.fail(error);

        assertThatThrownBy(failure::throwIfFailed).isSameAs(error);
    }

    @Test
    void aCheckedException_isRethrownInsideAnIllegalStateException() {
        IOException checked = new IOException("thrown sneakily");

        failure.fail(checked);

        assertThatThrownBy(failure::throwIfFailed).isInstanceOf(IllegalStateException.class).cause().isSameAs(checked);
    }

    @Test
    void workersFailingAtOnce_leaveExactlyOneOfTheirFailures() throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        List<RuntimeException> thrown = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            RuntimeException own = new RuntimeException("worker " + i);
            thrown.add(own);
            workers.add(Thread.ofPlatform().name("test-worker-" + i).start(() -> {
                try {
                    start.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                failure.fail(own);
            }));
        }

        start.countDown();
        for (Thread worker : workers) {
            worker.join(Duration.ofSeconds(5).toMillis());
        }

        assertThat(thrown).contains((RuntimeException) failure.cause());
        RuntimeException kept = (RuntimeException) failure.cause();
        failure.fail(new RuntimeException("late"));
        assertThat(failure.cause()).isSameAs(kept);
    }
}
