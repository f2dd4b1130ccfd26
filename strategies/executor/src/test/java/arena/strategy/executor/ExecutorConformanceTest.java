package arena.strategy.executor;

import arena.core.StrategyProvider;
import arena.core.testkit.StrategyConformanceTest;

/** The shared conformance suite, run over the {@code executor} strategy. */
class ExecutorConformanceTest extends StrategyConformanceTest {

    @Override
    protected StrategyProvider provider() {
        return new ExecutorProvider();
    }
}
