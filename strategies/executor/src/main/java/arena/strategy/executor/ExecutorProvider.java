package arena.strategy.executor;

import arena.core.AbstractStrategyProvider;
import arena.core.Capabilities;
import arena.core.Schedule;
import arena.core.Strategy;
import arena.core.StrategyConfig;

/**
 * Registers {@code executor}: a fixed pool from {@link java.util.concurrent.Executors#newFixedThreadPool}
 * with one {@link java.util.concurrent.Future} per chunk (per owner for static); static, dynamic and
 * guided schedules.
 *
 * <p>Stateless and thread-safe; listing it (name, description, capabilities) starts nothing, only
 * {@link #open} creates a pool.
 */
public final class ExecutorProvider extends AbstractStrategyProvider {

    /** The strategy's name, and the prefix of its threads' names after {@code arena-}. */
    public static final String NAME = "executor";

    /** The provider; constructing it starts nothing. */
    public ExecutorProvider() {
        super(NAME, "a fixed thread pool (Executors.newFixedThreadPool), one Future per chunk, one per owner for static",
                Capabilities.parallel(Schedule.Kind.STATIC, Schedule.Kind.DYNAMIC, Schedule.Kind.GUIDED));
    }

    @Override
    public Strategy open(StrategyConfig config) {
        return new ExecutorStrategy(this, config);
    }
}
