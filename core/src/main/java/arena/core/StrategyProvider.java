package arena.core;

import arena.core.input.InvalidInputException;

/**
 * The light half of the SPI, found by {@link java.util.ServiceLoader}: a strategy's name,
 * description and capabilities, and a factory for the heavy half. Listing providers starts no
 * thread and no actor system; only {@link #open} does.
 *
 * <p>Register an implementation in {@code META-INF/services/arena.core.StrategyProvider} of the
 * strategy's module. Implementations are stateless and thread-safe.
 */
public interface StrategyProvider {

    /** A stable, lower-case name, e.g. {@code threads}; unique among all providers. */
    String name();

    /** One line saying what the model is. */
    String description();

    /** The schedules, thread counts and options the strategy accepts. */
    Capabilities capabilities();

    /**
     * Opens the strategy with the pools or actor systems sized to {@code config}.
     *
     * @throws InvalidInputException when {@code config} asks for what {@link #capabilities()} rules out
     */
    Strategy open(StrategyConfig config);
}
