package arena.strategy.forkjoin;

import arena.core.AbstractStrategyProvider;
import arena.core.Capabilities;
import arena.core.Schedule;
import arena.core.Strategy;
import arena.core.StrategyConfig;

/**
 * Registers {@code forkjoin}: a {@link java.util.concurrent.ForkJoinPool} of the requested
 * parallelism, private to each opened strategy, running every schedule family, including ForkJoin's
 * own recursive {@code split}.
 *
 * <p>Stateless and thread-safe; listing it (name, description, capabilities) starts nothing, only
 * {@link #open} creates a pool.
 */
public final class ForkJoinProvider extends AbstractStrategyProvider {

    /** The strategy's name, and the prefix of its threads' names after {@code arena-}. */
    public static final String NAME = "forkjoin";

    /** The provider; constructing it starts nothing. */
    public ForkJoinProvider() {
        super(NAME, "a private ForkJoinPool: one task per worker (static, dynamic, guided), recursive halving (split)",
                Capabilities.parallel(Schedule.Kind.STATIC, Schedule.Kind.DYNAMIC, Schedule.Kind.GUIDED, Schedule.Kind.SPLIT));
    }

    @Override
    public Strategy open(StrategyConfig config) {
        return new ForkJoinStrategy(this, config);
    }
}
