package arena.core.testkit;

import arena.core.AbstractStrategyProvider;
import arena.core.Capabilities;
import arena.core.Schedule;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import java.util.EnumSet;
import java.util.List;

/**
 * Registers {@code wrong}, the {@link WrongStrategy} fixture: any schedule, any thread count, never
 * in default selections. Test code only, never in a ServiceLoader file of a main artifact. Stateless
 * and thread-safe.
 */
public final class WrongProvider extends AbstractStrategyProvider {

    /** The fixture's provider; constructing it starts nothing. */
    public WrongProvider() {
        super("wrong", "a test fixture whose kernel corrupts one cell",
                new Capabilities(EnumSet.allOf(Schedule.Kind.class), false, StrategyConfig.MAX_THREADS, List.of()));
    }

    @Override
    public Strategy open(StrategyConfig config) {
        return new WrongStrategy(config.threads());
    }
}
