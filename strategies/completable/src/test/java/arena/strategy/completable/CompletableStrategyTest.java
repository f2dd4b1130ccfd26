package arena.strategy.completable;

import arena.core.Execution;
import arena.core.Schedule;
import arena.core.StrategyConfig;
import arena.core.problem.Complex;
import arena.core.problem.JuliaParams;
import arena.core.testkit.ThreadRecordingKernel;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the {@code completable} model does beyond the shared conformance suite: the JDK properties it
 * is built on ({@code allOf} and {@code thenCombine} wait for every source, which is why a failure
 * surfaces only after the slowest chunk in flight: the shared suite checks that), every chunk on a
 * pool thread, and a closed strategy's pool terminated.
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
    @ValueSource(strings = {"static", "static:1", "dynamic:2", "guided:1"})
    void everyChunk_runsOnAPoolThread_neverOnTheCaller(String spec) {
        ThreadRecordingKernel kernel = new ThreadRecordingKernel();
        CompletableStrategy strategy = (CompletableStrategy) provider.open(StrategyConfig.threads(3));
        try (strategy) {
            strategy.compute(PROBLEM, new Execution(Schedule.parse(spec), kernel));
        }
        assertThat(kernel.threads()).isNotEmpty().allMatch(name -> name.startsWith("arena-completable-"));
        assertThat(strategy.isTerminated()).as("the pool of a closed strategy").isTrue();
    }
}
