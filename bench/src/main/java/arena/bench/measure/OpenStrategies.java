package arena.bench.measure;

import arena.core.Strategy;
import arena.core.StrategyConfig;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps one strategy open at a time for a run over many configurations: consecutive configurations
 * of the same strategy and thread count share one opened instance (its pool or actor system), and
 * the previous instance is closed when the next one is opened. Opening and closing are
 * {@link InterruptShield#shielded} from interrupts. Not thread-safe; the command's main thread uses it.
 */
public final class OpenStrategies implements AutoCloseable {

    private final Map<String, String> options;
    private Configuration openFor;
    private Strategy open;

    /** Opens strategies without provider options. */
    public OpenStrategies() {
        this(Map.of());
    }

    /** Opens strategies with those of {@code options} that each provider declares. */
    public OpenStrategies(Map<String, String> options) {
        this.options = Map.copyOf(options);
    }

    /** The strategy opened for {@code configuration}'s strategy and thread count. */
    public Strategy get(Configuration configuration) {
        if (open == null || !openFor.strategy().equals(configuration.strategy()) || openFor.threads() != configuration.threads()) {
            close();
            Map<String, String> declared = new HashMap<>(options);
            declared.keySet().retainAll(configuration.provider().capabilities().optionNames());
            open = InterruptShield.shielded(() -> configuration.provider().open(new StrategyConfig(configuration.threads(), declared)));
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
            InterruptShield.shielded(() -> {
                closing.close();
                return null;
            });
        }
    }
}
