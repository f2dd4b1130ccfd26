package arena.strategy.forkjoin;

import arena.core.StrategyProvider;
import arena.core.testkit.StrategyConformanceTest;

/** The shared conformance suite, run against {@code forkjoin}. */
class ForkJoinConformanceTest extends StrategyConformanceTest {

    @Override
    protected StrategyProvider provider() {
        return new ForkJoinProvider();
    }
}
