package arena.strategy.virtual;

import arena.core.AbstractStrategyProvider;
import arena.core.Capabilities;

/**
 * Registers {@code virtual}: virtual threads, at most T in flight; static, dynamic and guided
 * schedules. Stateless and thread-safe; listing it starts nothing, only {@code open} creates the
 * strategy's executor.
 */
public final class VirtualProvider extends AbstractStrategyProvider {

    /** The provider; constructing it starts nothing. */
    public VirtualProvider() {
        super("virtual", "virtual threads, one per chunk (one per owner for static), at most T in flight",
                Capabilities.staticDynamicGuided(), VirtualStrategy::new);
    }
}
