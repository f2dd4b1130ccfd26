package arena.strategy.rxjava;

import arena.core.Execution;
import arena.core.Schedule;
import arena.core.StrategyConfig;
import arena.core.WorkerFailedException;
import arena.core.problem.Complex;
import arena.core.problem.JuliaParams;
import arena.core.testkit.ThreadRecordingKernel;
import arena.core.testkit.ThrowingKernel;
import arena.core.testkit.TwoRowsFailTogetherKernel;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What is particular to {@code rxjava}: how the prefetch settings turn rails into a dynamic hand-out,
 * how the static schedule keeps each worker's chunks on one thread, that a fatal error reaches the
 * caller as the very instance, and that a second failure stays out of {@code RxJavaPlugins}. That a
 * failed or interrupted run waits for the chunks other rails still compute, the shared suite checks.
 */
class RxJavaPipelineTest {

    private static final JuliaParams PROBLEM = JuliaParams.of(40, new Complex(-0.7, 0.27)).withNMax(200);

    @Test
    void dynamicSchedule_runsEveryChunkOnThePoolsThreads() {
        JuliaParams problem = JuliaParams.of(19, new Complex(0.285, 0.01));
        ThreadRecordingKernel kernel = new ThreadRecordingKernel();
        try (RxJavaStrategy strategy = open(2)) {
            strategy.compute(problem, new Execution(new Schedule.Dynamic(1), kernel));
        }
        // the shared suite checks the hand-out itself. Schedulers.from(executor) does not pin a rail
        // to one pool thread, so which thread ran which row is not asserted.
        assertThat(kernel.threads()).allSatisfy(name -> assertThat(name).startsWith("arena-rxjava-"));
    }

    @Test
    void staticSchedule_runsEachWorkersChunksOnOneThreadOfThePool() {
        try (RxJavaStrategy strategy = open(3)) {
            assertThat(ThreadRecordingKernel.threadsByWorkerUnderStatic(strategy, JuliaParams.of(30, new Complex(-0.4, 0.6))))
                    .as("threads that computed each worker's rows")
                    .allSatisfy(threads -> assertThat(threads).hasSize(1).allSatisfy(name -> assertThat(name).startsWith("arena-rxjava-")));
        }
    }

    @Test
    void fatalError_reachesTheCallerAsTheVeryInstance_notRethrownOnTheRail() {
        StackOverflowError thrown = new StackOverflowError("kernel overflowed");
        ThrowingKernel kernel = new ThrowingKernel(5, thrown);
        try (RxJavaStrategy strategy = open(2)) {
            assertThatThrownBy(() -> strategy.compute(PROBLEM, new Execution(new Schedule.Guided(1), kernel)))
                    .isInstanceOf(WorkerFailedException.class)
                    .cause()
                    .isSameAs(thrown);
        }
    }

    @Test
    void secondFailure_isRecordedByItsRail_notReportedToRxJavaPlugins() {
        List<Throwable> undeliverable = new CopyOnWriteArrayList<>();
        RxJavaPlugins.setErrorHandler(undeliverable::add); // test-only: the strategy sets no global handler
        try (RxJavaStrategy strategy = open(2)) {
            TwoRowsFailTogetherKernel.assertOneOfTwoFailuresReachesTheCaller(strategy, PROBLEM);
            assertThat(undeliverable).as("errors RxJava could not deliver").isEmpty();
        } finally {
            RxJavaPlugins.setErrorHandler(null);
        }
    }

    private static RxJavaStrategy open(int threads) {
        return new RxJavaStrategy(new RxJavaProvider(), StrategyConfig.threads(threads));
    }
}
