package arena.core;

import arena.core.input.InvalidInputException;
import java.util.Map;

/**
 * What a strategy is opened with: its thread count and any provider-specific options (for example a
 * cluster's contact node). Immutable.
 *
 * @param threads the number of workers, from 1 to {@link #MAX_THREADS}
 * @param options provider options by name; names a provider does not declare are rejected on open
 */
public record StrategyConfig(int threads, Map<String, String> options) {

    /** The most workers any strategy is opened with. */
    public static final int MAX_THREADS = 1024;

    /** Validates the thread count and copies the options. */
    public StrategyConfig {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new InvalidInputException("threads", "threads must be between 1 and " + MAX_THREADS + ", got " + threads);
        }
        options = Map.copyOf(options);
    }

    /** A configuration with {@code threads} workers and no options. */
    public static StrategyConfig threads(int threads) {
        return new StrategyConfig(threads, Map.of());
    }
}
