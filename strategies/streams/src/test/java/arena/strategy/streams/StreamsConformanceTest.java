package arena.strategy.streams;

import arena.core.StrategyProvider;
import arena.core.testkit.StrategyConformanceTest;

/** {@code streams} passes the conformance suite every strategy passes. */
class StreamsConformanceTest extends StrategyConformanceTest {

    @Override
    protected StrategyProvider provider() {
        return new StreamsProvider();
    }
}
