package arena.strategy.threads;

import arena.core.StrategyProvider;
import arena.core.testkit.StrategyConformanceTest;

/** The shared conformance suite, run over the {@code threads} strategy. */
class ThreadsConformanceTest extends StrategyConformanceTest {

    @Override
    protected StrategyProvider provider() {
        return new ThreadsProvider();
    }
}
