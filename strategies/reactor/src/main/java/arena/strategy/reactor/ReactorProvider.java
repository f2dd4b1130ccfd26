package arena.strategy.reactor;

import arena.core.AbstractStrategyProvider;
import arena.core.Capabilities;
import arena.core.Schedule;
import arena.core.Strategy;
import arena.core.StrategyConfig;

/**
 * Registers {@code reactor}: Project Reactor, a {@code ParallelFlux} of chunk ids on a parallel
 * scheduler the strategy owns. Honours the static, dynamic and guided schedules; the recursive split
 * is ForkJoin's idiom, not Reactor's, and is refused.
 *
 * <p>Stateless and thread-safe. Listing it loads no Reactor class and starts nothing; only
 * {@link #open} creates the scheduler.
 */
public final class ReactorProvider extends AbstractStrategyProvider {

    /** The strategy's name, also the prefix {@code arena-reactor} of its threads' names. */
    public static final String NAME = "reactor";

    /** The provider; constructing it starts nothing. */
    public ReactorProvider() {
        super(NAME, "Project Reactor: a ParallelFlux of chunk ids whose rails run on a parallel scheduler of its own",
                Capabilities.parallel(Schedule.Kind.STATIC, Schedule.Kind.DYNAMIC, Schedule.Kind.GUIDED));
    }

    @Override
    public Strategy open(StrategyConfig config) {
        return new ReactorStrategy(this, config);
    }
}
