package arena.strategy.executor;

import arena.core.AbstractStrategyProvider;
import arena.core.Capabilities;

/**
 * Registers {@code executor}: a fixed pool from {@link java.util.concurrent.Executors#newFixedThreadPool}
 * with one {@link java.util.concurrent.Future} per chunk (per owner for static); static, dynamic and
 * guided schedules.
 *
 * <p>Stateless and thread-safe; listing it (name, description, capabilities) starts nothing, only
 * {@code open} creates a pool.
 */
public final class ExecutorProvider extends AbstractStrategyProvider {

    /** The provider; constructing it starts nothing. */
    public ExecutorProvider() {
        super("executor", "a fixed thread pool (Executors.newFixedThreadPool), one Future per chunk, one per owner for static",
                Capabilities.staticDynamicGuided(), ExecutorStrategy::new);
    }
}
