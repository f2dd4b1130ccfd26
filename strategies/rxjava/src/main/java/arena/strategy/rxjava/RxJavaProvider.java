package arena.strategy.rxjava;

import arena.core.AbstractStrategyProvider;
import arena.core.Capabilities;

/**
 * Registers {@code rxjava}: RxJava 3, a {@code ParallelFlowable} of chunk ids whose rails run on a
 * fixed pool of threads the strategy owns. Honours the static, dynamic and guided schedules; the
 * recursive split is ForkJoin's idiom, not RxJava's, and is refused.
 *
 * <p>Stateless and thread-safe. Listing it loads no RxJava class and starts nothing; only
 * {@code open} creates the pool.
 */
public final class RxJavaProvider extends AbstractStrategyProvider {

    /** The provider; constructing it starts nothing. */
    public RxJavaProvider() {
        super("rxjava", "RxJava 3: a ParallelFlowable of chunk ids whose rails run on a fixed thread pool of its own",
                Capabilities.staticDynamicGuided(), RxJavaStrategy::new);
    }
}
