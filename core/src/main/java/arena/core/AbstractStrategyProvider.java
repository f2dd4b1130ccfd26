package arena.core;

import arena.core.input.AbstractProvider;
import java.util.Objects;

/**
 * The part every strategy provider shares: its name and description ({@link AbstractProvider}, as a
 * kernel provider's) and its capabilities, fixed when the provider is constructed. A subclass passes them to the constructor together with its strategy's
 * constructor ({@link Opener}, e.g. {@code ThreadsStrategy::new}), or implements {@link #open}
 * itself. By convention a provider is a top-level class named {@code <Model>Provider} (e.g.
 * {@code ThreadsProvider}) in its strategy's package, with a public no-argument constructor for
 * {@link java.util.ServiceLoader}.
 *
 * <p>Contract: constructing a provider must start nothing and load none of the model's library
 * classes; only {@link #open} creates pools, threads or actor systems. Threading: immutable once
 * constructed, so stateless and safe to use from any thread; {@link #open} may be called
 * concurrently and returns a new, independent strategy each time.
 */
public abstract class AbstractStrategyProvider extends AbstractProvider implements StrategyProvider {

    private final Capabilities capabilities;
    private final Opener opener;

    /**
     * @param name         the strategy's stable, lower-case name, unique among all providers
     * @param description  one line saying what the model is
     * @param capabilities the schedules, thread counts and options the strategy accepts
     */
    protected AbstractStrategyProvider(String name, String description, Capabilities capabilities) {
        this(name, description, capabilities, null);
    }

    /**
     * A provider whose {@link #open} calls {@code opener}; the other parameters as above. Pass the
     * strategy's constructor ({@code ThreadsStrategy::new}): constructing the provider then loads the
     * strategy's class, but runs none of its code and loads none of its library's classes.
     */
    protected AbstractStrategyProvider(String name, String description, Capabilities capabilities, Opener opener) {
        super(name, description);
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
        this.opener = opener;
    }

    /** A strategy's constructor: opens the strategy of {@code provider} with {@code config}. */
    @FunctionalInterface
    protected interface Opener {

        /** Opens a new strategy; see {@link StrategyProvider#open}. */
        Strategy open(StrategyProvider provider, StrategyConfig config);
    }

    /**
     * Calls the {@link Opener} given to the constructor; a provider constructed without one overrides
     * this method.
     */
    @Override
    public Strategy open(StrategyConfig config) {
        if (opener == null) {
            throw new IllegalStateException("provider '" + name() + "' was constructed without an opener and does not override open");
        }
        return opener.open(this, config);
    }

    @Override
    public final Capabilities capabilities() {
        return capabilities;
    }
}
