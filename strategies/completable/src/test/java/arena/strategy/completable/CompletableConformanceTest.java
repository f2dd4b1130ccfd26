package arena.strategy.completable;

import arena.core.StrategyProvider;
import arena.core.testkit.StrategyConformanceTest;

/** The shared conformance suite, run over the {@code completable} strategy. */
class CompletableConformanceTest extends StrategyConformanceTest {

    @Override
    protected StrategyProvider provider() {
        return new CompletableProvider();
    }
}
