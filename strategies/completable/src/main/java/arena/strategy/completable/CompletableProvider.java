package arena.strategy.completable;

import arena.core.AbstractStrategyProvider;
import arena.core.Capabilities;
import arena.core.Schedule;
import arena.core.Strategy;
import arena.core.StrategyConfig;

/**
 * Registers {@code completable}: {@link java.util.concurrent.CompletableFuture} stages on a fixed pool
 * the strategy owns, one {@code runAsync} per chunk (per owner for static) joined with {@code allOf};
 * static, dynamic and guided schedules.
 *
 * <p>Stateless and thread-safe; listing it (name, description, capabilities) starts nothing, only
 * {@link #open} creates a pool.
 */
public final class CompletableProvider extends AbstractStrategyProvider {

    /** The strategy's name, and the prefix of its threads' names after {@code arena-}. */
    public static final String NAME = "completable";

    /** The provider; constructing it starts nothing. */
    public CompletableProvider() {
        super(NAME, "CompletableFuture.runAsync per chunk on a private fixed pool, joined with allOf; fraction by thenCombine",
                Capabilities.parallel(Schedule.Kind.STATIC, Schedule.Kind.DYNAMIC, Schedule.Kind.GUIDED));
    }

    @Override
    public Strategy open(StrategyConfig config) {
        return new CompletableStrategy(this, config);
    }
}
