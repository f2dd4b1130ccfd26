package arena.strategy.rxjava;

import arena.core.StrategyProvider;
import arena.core.testkit.StrategyConformanceTest;

/** {@code rxjava} passes the conformance suite every strategy passes; its rails are not pinned to threads. */
class RxJavaConformanceTest extends StrategyConformanceTest {

    @Override
    protected StrategyProvider provider() {
        return new RxJavaProvider();
    }

    /** {@code Schedulers.from(executor)} runs a rail's work on any free thread of the pool. */
    @Override
    protected boolean pinsWorkersToThreads() {
        return false;
    }
}
