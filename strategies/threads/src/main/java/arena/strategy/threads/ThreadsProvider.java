package arena.strategy.threads;

import arena.core.AbstractStrategyProvider;
import arena.core.Capabilities;

/**
 * Registers {@code threads}: raw platform threads, static, dynamic and guided schedules. Stateless and
 * thread-safe; listing it starts nothing, and neither does {@code open}: threads live only within a
 * call of the strategy.
 */
public final class ThreadsProvider extends AbstractStrategyProvider {

    /** The provider; constructing it starts nothing. */
    public ThreadsProvider() {
        super("threads", "raw platform threads, started and joined by the strategy on every call",
                Capabilities.staticDynamicGuided(), ThreadsStrategy::new);
    }
}
