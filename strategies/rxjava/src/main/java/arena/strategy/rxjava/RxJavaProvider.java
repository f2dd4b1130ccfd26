package arena.strategy.rxjava;

import arena.core.AbstractStrategyProvider;
import arena.core.Capabilities;
import arena.core.Schedule;
import arena.core.Strategy;
import arena.core.StrategyConfig;

/**
 * Registers {@code rxjava}: RxJava 3, a {@code ParallelFlowable} of chunk ids whose rails run on a
 * fixed pool of threads the strategy owns. Honours the static, dynamic and guided schedules; the
 * recursive split is ForkJoin's idiom, not RxJava's, and is refused.
 *
 * <p>Stateless and thread-safe. Listing it loads no RxJava class and starts nothing; only
 * {@link #open} creates the pool.
 */
public final class RxJavaProvider extends AbstractStrategyProvider {

    /** The strategy's name, also the prefix {@code arena-rxjava} of its threads' names. */
    public static final String NAME = "rxjava";

    /** The provider; constructing it starts nothing. */
    public RxJavaProvider() {
        super(NAME, "RxJava 3: a ParallelFlowable of chunk ids whose rails run on a fixed thread pool of its own",
                Capabilities.parallel(Schedule.Kind.STATIC, Schedule.Kind.DYNAMIC, Schedule.Kind.GUIDED));
    }

    @Override
    public Strategy open(StrategyConfig config) {
        return new RxJavaStrategy(this, config);
    }
}
