package arena.strategy.completable;

import arena.core.Execution;
import arena.core.Schedule;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.WorkerFailedException;
import arena.core.kernel.Kernel;
import arena.core.kernel.ScalarKernel;
import arena.core.problem.Complex;
import arena.core.problem.JuliaParams;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the {@code completable} model does beyond the shared conformance suite: the JDK properties it
 * is built on ({@code allOf} and {@code thenCombine} wait for every source), a failure that surfaces
 * only after the slowest chunk in flight, the original exception out of its envelope, and the
 * interrupt rule with {@code get()}.
 */
class CompletableStrategyTest {

    private static final JuliaParams PROBLEM = JuliaParams.of(29, new Complex(-0.7, 0.27)).withNMax(60); // 30 rows

    private final CompletableProvider provider = new CompletableProvider();

    @Test
    void allOf_completesExceptionallyOnlyOnceEveryFutureHasCompleted() {
        CompletableFuture<Void> failed = CompletableFuture.failedFuture(new IllegalStateException("early"));
        CompletableFuture<Void> slow = new CompletableFuture<>();
        CompletableFuture<Void> all = CompletableFuture.allOf(failed, slow);
        assertThat(all).isNotDone();
        slow.complete(null);
        assertThat(all).isCompletedExceptionally();
    }

    @Test
    void thenCombine_completesOnlyOnceBothSourcesHaveCompleted() {
        CompletableFuture<Long> failed = CompletableFuture.failedFuture(new IllegalStateException("early"));
        CompletableFuture<Long> slow = new CompletableFuture<>();
        CompletableFuture<Long> sum = failed.thenCombine(slow, Long::sum);
        assertThat(sum).isNotDone();
        slow.complete(1L);
        assertThat(sum).isCompletedExceptionally();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dynamic:1", "guided:1", "static:1"})
    void failure_surfacesOnlyAfterTheSlowestChunkInFlightHasEnded_withTheKernelsOwnException(String spec) {
        Schedule schedule = Schedule.parse(spec);
        int secondChunk = schedule.plan(PROBLEM.size(), 2).chunk(1).start();
        // The first chunk fails while the second is still running: waiting on the futures one by one,
        // stopping at the first failure, would surface it before the slow chunk has ended.
        SlowRowKernel kernel = new SlowRowKernel(secondChunk, 300, 0);
        try (Strategy strategy = provider.open(StrategyConfig.threads(2))) {
            assertThatThrownBy(() -> strategy.compute(PROBLEM, new Execution(schedule, kernel)))
                    .isInstanceOf(WorkerFailedException.class)
                    .cause()
                    .isSameAs(kernel.thrown);
            assertThat(kernel.slowRowDone.get()).as("the slow chunk ended before the failure surfaced").isTrue();
        }
        assertThat(kernel.rows.get()).as("rows computed: the others stopped").isLessThan(PROBLEM.size());
    }

    @Test
    void interruptedCaller_cancelsTheJob_waitsForTheRunningChunk_andKeepsItsInterruptStatus() {
        SlowRowKernel kernel = new SlowRowKernel(0, 200, -1);
        kernel.interruptWhenSlowRowStarts = Thread.currentThread();
        try (Strategy strategy = provider.open(StrategyConfig.threads(1))) {
            try {
                assertThatThrownBy(() -> strategy.compute(PROBLEM, new Execution(new Schedule.Dynamic(1), kernel)))
                        .isInstanceOf(CancellationException.class);
                assertThat(kernel.slowRowDone.get()).as("the running chunk ended before the call returned").isTrue();
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
            assertThat(kernel.rows.get()).as("rows computed: the cancel stopped the queued chunks").isLessThan(PROBLEM.size());
            assertThat(strategy.compute(PROBLEM, Execution.of(new Schedule.Dynamic(1))).cellCount())
                    .as("usable after the cancelled call")
                    .isEqualTo(PROBLEM.cellCount());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"static", "static:1", "dynamic:2", "guided:1"})
    void everyChunk_runsOnAPoolThread_neverOnTheCaller(String spec) {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Kernel kernel = new Kernel() {
            @Override
            public String name() {
                return "thread-recording";
            }

            @Override
            public void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd) {
                threads.add(Thread.currentThread().getName());
                ScalarKernel.INSTANCE.computeRows(params, counts, rowStart, rowEnd);
            }
        };
        try (Strategy strategy = provider.open(StrategyConfig.threads(3))) {
            strategy.compute(PROBLEM, new Execution(Schedule.parse(spec), kernel));
        }
        assertThat(threads).isNotEmpty().allMatch(name -> name.startsWith("arena-completable-"));
    }

    @Test
    void computeAfterClose_isRefused_andLeavesNothingRunning() {
        CompletableStrategy strategy = (CompletableStrategy) provider.open(StrategyConfig.threads(2));
        strategy.compute(PROBLEM, Execution.of(new Schedule.Dynamic(1)));
        strategy.close();
        strategy.close();
        assertThat(strategy.isTerminated()).isTrue();
        assertThatThrownBy(() -> strategy.compute(PROBLEM, Execution.of(new Schedule.Dynamic(1))))
                .isInstanceOf(WorkerFailedException.class);
    }

    /**
     * The scalar kernel with one slow row and, optionally, one failing row. The slow row signals that
     * it has started, sleeps, then records that it ended; the failing row (if any, -1 for none) waits
     * (up to ten seconds) for the slow one to start, so that it fails while the slow chunk is in flight.
     * If {@link #interruptWhenSlowRowStarts} is set, the slow row interrupts that thread when it starts.
     */
    private static final class SlowRowKernel implements Kernel {
        final IllegalStateException thrown = new IllegalStateException("kernel broke");
        final AtomicBoolean slowRowDone = new AtomicBoolean();
        final AtomicInteger rows = new AtomicInteger();
        volatile Thread interruptWhenSlowRowStarts;
        private final CountDownLatch slowRowStarted = new CountDownLatch(1);
        private final int slowRow;
        private final long sleepMillis;
        private final int failingRow;

        SlowRowKernel(int slowRow, long sleepMillis, int failingRow) {
            this.slowRow = slowRow;
            this.sleepMillis = sleepMillis;
            this.failingRow = failingRow;
        }

        @Override
        public String name() {
            return "slow-row";
        }

        @Override
        public void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd) {
            if (rowStart <= failingRow && failingRow < rowEnd) {
                await(slowRowStarted);
                throw thrown;
            }
            ScalarKernel.INSTANCE.computeRows(params, counts, rowStart, rowEnd);
            rows.addAndGet(rowEnd - rowStart);
            if (rowStart <= slowRow && slowRow < rowEnd) {
                slowRowStarted.countDown();
                Thread caller = interruptWhenSlowRowStarts;
                if (caller != null) {
                    caller.interrupt();
                }
                sleep(sleepMillis);
                slowRowDone.set(true);
            }
        }

        private static void await(CountDownLatch latch) {
            try {
                latch.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
