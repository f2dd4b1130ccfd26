package arena.strategy.rxjava;

import arena.core.StrategyProvider;
import arena.core.testkit.StrategyConformanceTest;

/** {@code rxjava} passes the conformance suite every strategy passes. */
class RxJavaConformanceTest extends StrategyConformanceTest {

    @Override
    protected StrategyProvider provider() {
        return new RxJavaProvider();
    }
}
