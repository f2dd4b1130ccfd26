package arena.core.concurrent;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Waits that an interrupt does not end: each test blocks a real waiter thread, interrupts it, and
 * checks that the wait went on until the awaited thing was done, that {@code onInterrupt} ran exactly
 * once and that the waiter kept its interrupt flag.
 */
class UninterruptiblyTest {

    private static final Duration WAIT = Latches.WAIT;

    private final AtomicInteger interruptsSeen = new AtomicInteger();
    private final CountDownLatch firstInterruptSeen = new CountDownLatch(1);
    private final AtomicBoolean flagKept = new AtomicBoolean();
    private Thread waiter;

    @AfterEach
    void joinTheWaiter() throws InterruptedException {
        Latches.assertEnds(waiter);
    }

    @Test
    void join_goesOnThroughInterrupts_untilTheThreadHasEnded_andKeepsTheFlag() throws InterruptedException {
        assertWaitsThroughInterrupts(1, workers -> Uninterruptibly.join(workers[0], this::onInterrupt));
    }

    @Test
    void joinAll_waitsForEveryThread_throughInterrupts_andKeepsTheFlag() throws InterruptedException {
        assertWaitsThroughInterrupts(3, workers -> Uninterruptibly.joinAll(workers, workers.length, this::onInterrupt));
    }

    @Test
    void getAll_handsOverEachTasksOwnException_andReturnsOnlyWhenEveryFutureIsDone() throws InterruptedException {
        IllegalStateException failure = new IllegalStateException("the first task fails");
        CompletableFuture<Void> failed = CompletableFuture.failedFuture(failure);
        CompletableFuture<String> pending = new CompletableFuture<>();
        List<Throwable> handedOver = new CopyOnWriteArrayList<>();
        AtomicBoolean pendingDoneFirst = new AtomicBoolean();
        startWaiter(() -> {
            Uninterruptibly.getAll(List.of(failed, pending), handedOver::add, this::onInterrupt);
            pendingDoneFirst.set(pending.isDone());
        });

        interruptTwice();
        pending.complete("done");
        waiter.join(WAIT.toMillis());

        assertThat(pendingDoneFirst).isTrue();
        assertThat(handedOver).singleElement().isSameAs(failure);
        assertThat(interruptsSeen).hasValue(1);
        assertThat(flagKept).isTrue();
    }

    @Test
    void get_returnsTheValue_orThrowsTheTasksFailure_withoutTouchingTheFlag() throws ExecutionException {
        IllegalStateException failure = new IllegalStateException("the task fails");

        assertThat(Uninterruptibly.get(CompletableFuture.completedFuture(42), this::onInterrupt)).isEqualTo(42);
        assertThatThrownBy(() -> Uninterruptibly.get(CompletableFuture.failedFuture(failure), this::onInterrupt))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isSameAs(failure);

        assertThat(interruptsSeen).hasValue(0);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void acquire_waitsForEveryPermit_throughInterrupts() throws InterruptedException {
        Semaphore permits = new Semaphore(0);
        AtomicInteger availableAfter = new AtomicInteger(-1);
        startWaiter(() -> {
            Uninterruptibly.acquire(permits, 2, this::onInterrupt);
            availableAfter.set(permits.availablePermits());
        });

        interruptTwice();
        permits.release();
        assertThat(waiter.isAlive()).as("one permit of two is not enough").isTrue();
        permits.release(2);
        waiter.join(WAIT.toMillis());

        assertThat(availableAfter).hasValue(1);
        assertThat(interruptsSeen).hasValue(1);
        assertThat(flagKept).isTrue();
    }

    @Test
    void await_letsAnotherExceptionThrough_afterAnInterrupt_withTheFlagSetAgain() {
        AtomicInteger calls = new AtomicInteger();
        try {
            assertThatThrownBy(() -> Uninterruptibly.await(() -> {
                if (calls.incrementAndGet() == 1) {
                    throw new InterruptedException("first call interrupted");
                }
                throw new ExecutionException("second call failed", null);
            }, this::onInterrupt)).isInstanceOf(ExecutionException.class).hasMessage("second call failed");

            assertThat(calls).hasValue(2);
            assertThat(interruptsSeen).hasValue(1);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    /**
     * Starts {@code count} workers blocked on a latch and a waiter that runs {@code join} on them,
     * interrupts the waiter twice, releases the workers, and asserts that the waiter returned only
     * after every worker had ended, ran {@code onInterrupt} once and kept its flag.
     */
    private void assertWaitsThroughInterrupts(int count, Consumer<Thread[]> join) throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        Thread[] workers = new Thread[count];
        for (int i = 0; i < count; i++) {
            workers[i] = Thread.ofPlatform().name("test-worker-" + i).start(() -> Latches.await(release));
        }
        AtomicBoolean allEndedFirst = new AtomicBoolean();
        startWaiter(() -> {
            join.accept(workers);
            allEndedFirst.set(Stream.of(workers).noneMatch(Thread::isAlive));
        });

        interruptTwice();
        assertThat(waiter.isAlive()).as("the waiter still waits for the workers").isTrue();
        release.countDown();
        waiter.join(WAIT.toMillis());

        assertThat(allEndedFirst).isTrue();
        assertThat(interruptsSeen).hasValue(1);
        assertThat(flagKept).isTrue();
    }

    private void onInterrupt() {
        interruptsSeen.incrementAndGet();
        firstInterruptSeen.countDown();
    }

    /** Starts the waiter; once {@code waiting} returns, it notes whether its interrupt flag is set. */
    private void startWaiter(Runnable waiting) {
        waiter = Thread.ofPlatform().name("test-waiter").start(() -> {
            waiting.run();
            flagKept.set(Thread.currentThread().isInterrupted());
        });
    }

    /** Interrupts the waiter, waits until it has seen that, and interrupts it once more. */
    private void interruptTwice() throws InterruptedException {
        waiter.interrupt();
        assertThat(firstInterruptSeen.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("the waiter saw the interrupt").isTrue();
        waiter.interrupt();
    }
}
