package arena.core;

import java.util.EnumSet;
import java.util.List;

/**
 * Registers {@code sequential}, the reference: one thread, every schedule family (chunks taken in
 * order). Stateless and thread-safe; listing it starts nothing.
 */
public final class SequentialProvider extends AbstractStrategyProvider {

    /** The provider of the reference. */
    public SequentialProvider() {
        super(StrategyRegistry.REFERENCE, "the reference: one thread, plain loops over rows through the kernel",
                new Capabilities(EnumSet.allOf(Schedule.Kind.class), false, 1, List.of()));
    }

    @Override
    public Strategy open(StrategyConfig config) {
        return new SequentialStrategy(config);
    }
}
