package arena.strategy.streams;

import arena.core.AbstractStrategyProvider;
import arena.core.Capabilities;
import arena.core.Schedule;

/**
 * Registers {@code streams}: a parallel {@link java.util.stream.IntStream} over chunk or worker ids,
 * run inside a {@link java.util.concurrent.ForkJoinPool} private to each opened strategy. Honours the
 * schedules a stream's own recursive splitting can express, {@code static} and {@code split}; the
 * first-come-first-served hand-out of {@code dynamic} and {@code guided} is refused (see
 * {@link StreamsStrategy}).
 *
 * <p>Stateless and thread-safe; listing it starts nothing, only {@code open} creates a pool.
 */
public final class StreamsProvider extends AbstractStrategyProvider {

    /** The provider; constructing it starts nothing. */
    public StreamsProvider() {
        super("streams", "a parallel IntStream over chunk ids (split) or worker ids (static) in a ForkJoinPool of its own",
                Capabilities.parallel(Schedule.Kind.STATIC, Schedule.Kind.SPLIT), StreamsStrategy::new);
    }
}
