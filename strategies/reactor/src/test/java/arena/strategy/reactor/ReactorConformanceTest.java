package arena.strategy.reactor;

import arena.core.StrategyProvider;
import arena.core.testkit.StrategyConformanceTest;

/** {@code reactor} passes the conformance suite every strategy passes. */
class ReactorConformanceTest extends StrategyConformanceTest {

    @Override
    protected StrategyProvider provider() {
        return new ReactorProvider();
    }
}
