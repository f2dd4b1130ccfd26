package arena.bench.cli;

import arena.core.StrategyRegistry;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import picocli.CommandLine;

/**
 * Picocli's factory for {@code arena}'s commands, option mixins and model transformers: a class
 * whose constructor takes a {@link StrategyRegistry} receives the registry the command line runs
 * over; every other class is made by picocli's default factory. This is how the commands reach the
 * registry without importing {@link ArenaCli}. Used on the main thread while the command line is
 * built.
 */
final class CommandFactory implements CommandLine.IFactory {

    private final StrategyRegistry registry;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    CommandFactory(StrategyRegistry registry) {
        this.registry = registry;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        Constructor<K> withRegistry;
        try {
            withRegistry = type.getDeclaredConstructor(StrategyRegistry.class);
        } catch (NoSuchMethodException e) {
            return fallback.create(type);
        }
        try {
            withRegistry.setAccessible(true);
            return withRegistry.newInstance(registry);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
