package arena.strategy.forkjoin;

import arena.core.AbstractStrategyProvider;
import arena.core.Capabilities;
import arena.core.Schedule;

/**
 * Registers {@code forkjoin}: a {@link java.util.concurrent.ForkJoinPool} of the requested
 * parallelism, private to each opened strategy, running every schedule family, including ForkJoin's
 * own recursive {@code split}.
 *
 * <p>Stateless and thread-safe; listing it (name, description, capabilities) starts nothing, only
 * {@code open} creates a pool.
 */
public final class ForkJoinProvider extends AbstractStrategyProvider {

    /** The provider; constructing it starts nothing. */
    public ForkJoinProvider() {
        super("forkjoin", "a private ForkJoinPool: one task per worker (static, dynamic, guided), recursive halving (split)",
                Capabilities.parallel(Schedule.Kind.STATIC, Schedule.Kind.DYNAMIC, Schedule.Kind.GUIDED, Schedule.Kind.SPLIT),
                ForkJoinStrategy::new);
    }
}
