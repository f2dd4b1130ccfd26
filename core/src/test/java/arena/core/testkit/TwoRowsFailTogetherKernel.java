package arena.core.testkit;

import arena.core.Execution;
import arena.core.Schedule;
import arena.core.Strategy;
import arena.core.WorkerFailedException;
import arena.core.kernel.ScalarKernel;
import arena.core.problem.JuliaParams;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A test hook for a second failure: the bands of rows 0 and 1 (given in bands of one row) each wait
 * (up to five seconds) until both have started, then both throw an {@link IllegalStateException}
 * {@code "row N fails"}; every other row computes like the scalar kernel. A strategy must record one
 * and keep the other out of its library's global error hooks. Thread-safe; one run per instance.
 */
public final class TwoRowsFailTogetherKernel extends TestKernel {

    private final CountDownLatch bothStarted = new CountDownLatch(2);
    private final AtomicInteger failed = new AtomicInteger();

    /** A kernel whose rows 0 and 1 fail together. */
    public TwoRowsFailTogetherKernel() {
        super("two-rows-fail-together");
    }

    @Override
    public void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd) {
        if (rowStart <= 1) {
            bothStarted.countDown();
            Waits.awaitUninterruptibly(bothStarted, Duration.ofSeconds(5));
            failed.incrementAndGet();
            throw new IllegalStateException("row " + rowStart + " fails");
        }
        ScalarKernel.INSTANCE.computeRows(params, counts, rowStart, rowEnd);
    }

    /** How many bands have failed so far. */
    public int failed() {
        return failed.get();
    }

    /**
     * Runs {@code strategy} (two workers or more, dynamic schedule supported) on {@code problem} with
     * {@code dynamic:1} and a fresh kernel of this kind, and asserts that both rows failed and that
     * the caller got one of the two failures as the cause.
     */
    public static void assertOneOfTwoFailuresReachesTheCaller(Strategy strategy, JuliaParams problem) {
        TwoRowsFailTogetherKernel kernel = new TwoRowsFailTogetherKernel();
        assertThatThrownBy(() -> strategy.compute(problem, new Execution(new Schedule.Dynamic(1), kernel)))
                .isInstanceOf(WorkerFailedException.class)
                .cause()
                .hasMessageStartingWith("row ");
        assertThat(kernel.failed()).as("rows that failed").isEqualTo(2);
    }
}
