package arena.bench;

import arena.core.Strategy;
import arena.core.StrategyConfig;

/**
 * Keeps one strategy open at a time for a run over many configurations: consecutive configurations
 * of the same strategy and thread count share one opened instance (its pool or actor system), and
 * the previous instance is closed when the next one is opened. Opening and closing are
 * {@link Watchdog#shielded} from interrupts. Not thread-safe; the command's main thread uses it.
 */
final class OpenStrategies implements AutoCloseable {

    private Configuration openFor;
    private Strategy open;

    /** The strategy opened for {@code configuration}'s strategy and thread count. */
    Strategy get(Configuration configuration) {
        if (open == null || !openFor.strategy().equals(configuration.strategy()) || openFor.threads() != configuration.threads()) {
            close();
            open = Watchdog.shielded(() -> configuration.provider().open(StrategyConfig.threads(configuration.threads())));
            openFor = configuration;
        }
        return open;
    }

    @Override
    public void close() {
        if (open != null) {
            Strategy closing = open;
            open = null;
            openFor = null;
            Watchdog.shielded(() -> {
                closing.close();
                return null;
            });
        }
    }
}
