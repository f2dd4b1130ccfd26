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
 * Keeps strategies open for a run over many configurations: configurations with the same strategy and
 * thread count share one opened instance (its pool or actor system). By default one instance is open
 * at a time: the previous one is closed when another is needed. {@link #keepingEach} keeps each
 * instance open once opened, so that configurations measured in rounds
 * ({@link Comparison#measureInRounds}) each find theirs open. {@link #close} closes whatever is open,
 * the last opened first. Opening and closing are {@link InterruptShield#shielded} from interrupts.
 * Not thread-safe; the command's main thread uses it.
 */
public final class OpenStrategies implements AutoCloseable {

    private final Map<String, String> options;
    private final boolean keepEach;
    private final Map<String, Strategy> open = new LinkedHashMap<>();

    /** Opens strategies without provider options, one at a time. */
    public OpenStrategies() {
        this(Map.of());
    }

    /** Opens strategies with those of {@code options} that each provider declares, one at a time. */
    public OpenStrategies(Map<String, String> options) {
        this(options, false);
    }

    private OpenStrategies(Map<String, String> options, boolean keepEach) {
        this.options = Map.copyOf(options);
        this.keepEach = keepEach;
    }

    /** Opens strategies with those of {@code options} that each provider declares, and keeps each open until {@link #close}. */
    public static OpenStrategies keepingEach(Map<String, String> options) {
        return new OpenStrategies(options, true);
    }

    /** The strategy opened for {@code configuration}'s strategy and thread count, opened now if it is not yet. */
    public Strategy get(Configuration configuration) {
        String key = configuration.strategy() + " " + configuration.threads();
        Strategy strategy = open.get(key);
        if (strategy == null) {
            if (!keepEach) {
                close();
            }
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
