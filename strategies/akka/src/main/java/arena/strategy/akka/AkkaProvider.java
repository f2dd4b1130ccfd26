package arena.strategy.akka;

import arena.core.AbstractStrategyProvider;
import arena.core.Capabilities;

/**
 * Registers {@code akka}: Akka Typed actors, a coordinator handing row chunks to one worker actor per
 * thread. Supports static (pre-assigned chunk lists), dynamic and guided (workers pull the next chunk)
 * schedules. Listing it starts nothing; {@code open} starts the actor system. Stateless and
 * thread-safe.
 */
public final class AkkaProvider extends AbstractStrategyProvider {

    /** The provider; constructing it starts nothing. */
    public AkkaProvider() {
        super("akka", "Akka Typed actors: a coordinator hands row chunks to a pool of worker actors",
                Capabilities.staticDynamicGuided(), AkkaStrategy::new);
    }
}
