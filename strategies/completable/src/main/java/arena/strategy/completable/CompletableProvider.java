package arena.strategy.completable;

import arena.core.AbstractStrategyProvider;
import arena.core.Capabilities;

/**
 * Registers {@code completable}: {@link java.util.concurrent.CompletableFuture} stages on a fixed pool
 * the strategy owns, one {@code runAsync} per chunk (per owner for static) joined with {@code allOf};
 * static, dynamic and guided schedules.
 *
 * <p>Stateless and thread-safe; listing it (name, description, capabilities) starts nothing, only
 * {@code open} creates a pool.
 */
public final class CompletableProvider extends AbstractStrategyProvider {

    /** The provider; constructing it starts nothing. */
    public CompletableProvider() {
        super("completable", "CompletableFuture.runAsync per chunk on a private fixed pool, joined with allOf; fraction by thenCombine",
                Capabilities.staticDynamicGuided(), CompletableStrategy::new);
    }
}
