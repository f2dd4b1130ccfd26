package arena.strategy.reactor;

import arena.core.AbstractStrategyProvider;
import arena.core.Capabilities;

/**
 * Registers {@code reactor}: Project Reactor, a {@code ParallelFlux} of chunk ids on a parallel
 * scheduler the strategy owns. Honours the static, dynamic and guided schedules; the recursive split
 * is ForkJoin's idiom, not Reactor's, and is refused.
 *
 * <p>Stateless and thread-safe. Listing it loads no Reactor class and starts nothing; only
 * {@code open} creates the scheduler.
 */
public final class ReactorProvider extends AbstractStrategyProvider {

    /** The provider; constructing it starts nothing. */
    public ReactorProvider() {
        super("reactor", "Project Reactor: a ParallelFlux of chunk ids whose rails run on a parallel scheduler of its own",
                Capabilities.staticDynamicGuided(), ReactorStrategy::new);
    }
}
