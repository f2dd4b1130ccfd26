package arena.strategy.virtual;

import static org.assertj.core.api.Assertions.assertThat;

import arena.core.Strategy;
import arena.core.StrategyProvider;
import arena.core.testkit.StrategyConformanceTest;

/**
 * The shared conformance suite, run over the {@code virtual} strategy. Virtual threads do not show up
 * among the live platform threads, so the leak check also asks the strategy itself: its executor has
 * terminated and none of its tasks is running; between two calls (even a failed or cancelled one)
 * none of its tasks is running.
 */
class VirtualConformanceTest extends StrategyConformanceTest {

    @Override
    protected StrategyProvider provider() {
        return new VirtualProvider();
    }

    @Override
    protected void assertIdleBetweenCalls(Strategy open) {
        assertThat(((VirtualStrategy) open).runningTasks()).as("tasks running after the call returned").isZero();
    }

    @Override
    protected void assertNothingLeftRunning(Strategy closed) throws InterruptedException {
        super.assertNothingLeftRunning(closed);
        VirtualStrategy strategy = (VirtualStrategy) closed;
        assertThat(strategy.isTerminated()).as("executor terminated after close").isTrue();
        assertThat(strategy.runningTasks()).as("tasks running after close").isZero();
    }
}
