package arena.strategy.virtual;

import arena.core.AbstractStrategyProvider;
import arena.core.Capabilities;
import arena.core.Schedule;
import arena.core.Strategy;
import arena.core.StrategyConfig;

/**
 * Registers {@code virtual}: virtual threads, at most T in flight; static, dynamic and guided
 * schedules. Stateless and thread-safe; listing it starts nothing, only {@link #open} creates the
 * strategy's executor.
 */
public final class VirtualProvider extends AbstractStrategyProvider {

    /** The provider; constructing it starts nothing. */
    public VirtualProvider() {
        super("virtual", "virtual threads, one per chunk (one per owner for static), at most T in flight",
                Capabilities.parallel(Schedule.Kind.STATIC, Schedule.Kind.DYNAMIC, Schedule.Kind.GUIDED));
    }

    @Override
    public Strategy open(StrategyConfig config) {
        return new VirtualStrategy(config);
    }
}
