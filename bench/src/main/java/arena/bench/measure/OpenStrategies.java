package arena.bench.measure;

import arena.core.Strategy;
import arena.core.StrategyConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps strategies open for a run over many configurations: each strategy and thread count is opened
 * once, on first use, and shared by every configuration with that strategy and thread count (their
 * pool or actor system), so that configurations measured in rounds ({@link Comparison#measureInRounds})
 * each find theirs open; {@link #close} closes them all, the last opened first. Opening and closing
 * are {@link InterruptShield#shielded} from interrupts. Not thread-safe; the command's main thread uses it.
 */
public final class OpenStrategies implements AutoCloseable {

    private final Map<String, String> options;
    private final Map<String, Strategy> open = new LinkedHashMap<>();

    /** Opens strategies without provider options. */
    public OpenStrategies() {
        this(Map.of());
    }

    /** Opens strategies with those of {@code options} that each provider declares. */
    public OpenStrategies(Map<String, String> options) {
        this.options = Map.copyOf(options);
    }

    /** The strategy opened for {@code configuration}'s strategy and thread count, opened now if it is not yet. */
    public Strategy get(Configuration configuration) {
        String key = configuration.strategy() + " " + configuration.threads();
        Strategy strategy = open.get(key);
        if (strategy == null) {
            Map<String, String> declared = new HashMap<>(options);
            declared.keySet().retainAll(configuration.provider().capabilities().optionNames());
            strategy = InterruptShield.shielded(() -> configuration.provider().open(new StrategyConfig(configuration.threads(), declared)));
            open.put(key, strategy);
        }
        return strategy;
    }

    /** Closes every strategy opened, the last opened first, each even when closing another failed (that failure is thrown after). */
    @Override
    public void close() {
        List<Strategy> closing = new ArrayList<>(open.values());
        open.clear();
        Collections.reverse(closing);
        RuntimeException failure = null;
        for (Strategy strategy : closing) {
            try {
                InterruptShield.shielded(() -> {
                    strategy.close();
                    return null;
                });
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
