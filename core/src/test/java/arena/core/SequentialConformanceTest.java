package arena.core;

import arena.core.testkit.StrategyConformanceTest;

/** The reference passes the same conformance suite as every parallel strategy. */
class SequentialConformanceTest extends StrategyConformanceTest {

    @Override
    protected StrategyProvider provider() {
        return new SequentialProvider();
    }
}
