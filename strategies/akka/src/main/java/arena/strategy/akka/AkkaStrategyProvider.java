package arena.strategy.akka;

import arena.core.Capabilities;
import arena.core.Schedule;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.StrategyProvider;

/**
 * Registers {@code akka}: Akka Typed actors, a coordinator handing row chunks to one worker actor per
 * thread. Supports static (pre-assigned chunk lists), dynamic and guided (workers pull the next chunk)
 * schedules. Listing it starts nothing; {@link #open} starts the actor system. Stateless and
 * thread-safe.
 */
public final class AkkaStrategyProvider implements StrategyProvider {

    @Override
    public String name() {
        return "akka";
    }

    @Override
    public String description() {
        return "Akka Typed actors: a coordinator hands row chunks to a pool of worker actors";
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.parallel(Schedule.Kind.STATIC, Schedule.Kind.DYNAMIC, Schedule.Kind.GUIDED);
    }

    @Override
    public Strategy open(StrategyConfig config) {
        return new AkkaStrategy(this, config);
    }
}
