package arena.core;

import arena.core.input.InvalidInputException;
import arena.core.input.Names;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The strategies available at run time, by name: every {@link StrategyProvider} that
 * {@link ServiceLoader} finds on the class path (a new model is a new module and nothing else), or
 * an explicit list for tests. Listing opens nothing. Immutable; safe from any thread.
 */
public final class StrategyRegistry {

    /** The name of the reference strategy every result is checked against. */
    public static final String REFERENCE = "sequential";

    private final Map<String, StrategyProvider> byName;

    private StrategyRegistry(List<StrategyProvider> providers) {
        List<StrategyProvider> sorted = new ArrayList<>(providers);
        sorted.sort(Comparator.comparing((StrategyProvider p) -> !p.name().equals(REFERENCE)).thenComparing(StrategyProvider::name));
        Map<String, StrategyProvider> map = new LinkedHashMap<>();
        for (StrategyProvider provider : sorted) {
            if (!provider.name().matches("[a-z0-9-]+")) {
                throw new IllegalStateException("strategy name '" + provider.name() + "' of " + provider.getClass().getName()
                        + " must be lower-case ASCII letters, digits and '-' (names are looked up case-insensitively)");
            }
            StrategyProvider previous = map.putIfAbsent(provider.name(), provider);
            if (previous != null) {
                throw new IllegalStateException("two strategies are named '" + provider.name() + "': "
                        + previous.getClass().getName() + " and " + provider.getClass().getName());
            }
        }
        this.byName = map;
    }

    /**
     * Every provider on the class path.
     *
     * @throws IllegalStateException when two providers share a name
     */
    public static StrategyRegistry discover() {
        List<StrategyProvider> providers = new ArrayList<>();
        ServiceLoader.load(StrategyProvider.class).forEach(providers::add);
        return new StrategyRegistry(providers);
    }

    /**
     * Exactly these providers.
     *
     * @throws IllegalStateException when two providers share a name
     */
    public static StrategyRegistry of(List<StrategyProvider> providers) {
        return new StrategyRegistry(providers);
    }

    /** Every provider: the reference first, then by name. */
    public List<StrategyProvider> all() {
        return List.copyOf(byName.values());
    }

    /** Every provider's name, in the order of {@link #all()}. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** The available providers that join default selections, in the order of {@link #all()}. */
    public List<StrategyProvider> defaults() {
        return byName.values().stream().filter(p -> p.capabilities().joinsDefaultSelection() && p.available()).toList();
    }

    /**
     * The provider named {@code name}.
     *
     * @throws InvalidInputException naming {@code strategy} and listing the known names
     */
    public StrategyProvider find(String name) {
        StrategyProvider provider = byName.get(Names.canonical("strategy", name, byName.keySet()));
        if (provider == null) {
            throw Names.unknown("strategy", name, byName.keySet());
        }
        return provider;
    }
}
