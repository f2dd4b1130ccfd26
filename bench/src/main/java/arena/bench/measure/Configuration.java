package arena.bench.measure;

import arena.core.Schedule;
import arena.core.StrategyProvider;
import arena.core.StrategyRegistry;
import arena.core.kernel.Kernel;

/**
 * One cell of a selection: a strategy with a kernel, a thread count and a schedule. Immutable.
 *
 * @param provider the strategy's provider
 * @param kernel   the kernel actually used (never {@code auto})
 * @param threads  the worker count
 * @param schedule the loop schedule
 */
public record Configuration(StrategyProvider provider, Kernel kernel, int threads, Schedule schedule) {

    /** The strategy's name. */
    public String strategy() {
        return provider.name();
    }

    /** A short label, e.g. {@code forkjoin/scalar/2t/dynamic:1}. */
    public String label() {
        return strategy() + "/" + kernel.name() + "/" + threads + "t/" + schedule.spec();
    }

    /**
     * The configuration a kernel's speed-ups are over: {@code sequential} with the kernel, one thread
     * and {@code static}; for a kernel only some strategy runs (openmp's native kernels, which
     * {@code sequential} cannot run) that strategy at one thread with {@code static}.
     */
    public static Configuration baselineOf(StrategyRegistry registry, Kernel kernel) {
        StrategyProvider runner = registry.all().stream()
                .filter(p -> p.capabilities().kernels().contains(kernel.name()))
                .findFirst()
                .orElseGet(() -> registry.find(StrategyRegistry.REFERENCE));
        return new Configuration(runner, kernel, 1, new Schedule.Static(0));
    }
}
