package arena.bench.measure;

import arena.core.Schedule;
import arena.core.StrategyProvider;
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
}
