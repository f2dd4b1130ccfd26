package arena.core;

import arena.core.input.InvalidInputException;
import arena.core.kernel.Kernel;
import arena.core.kernel.Kernels;
import java.util.Optional;

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
     * Why the strategy cannot run in this JVM, as the end of a sentence (e.g. {@code it needs JDK 22
     * or later}); empty, the default, when it can. An unavailable strategy is listed with the reason,
     * joins no default selection and is never opened.
     */
    default Optional<String> whyUnavailable() {
        return Optional.empty();
    }

    /** Whether the strategy can run in this JVM: {@link #whyUnavailable()} is empty. */
    default boolean available() {
        return whyUnavailable().isEmpty();
    }

    /**
     * Why this strategy cannot run its own kernel {@code kernel} here (e.g. the CPU lacks an
     * instruction set), as the end of a sentence; empty when it can. The default is empty: a JVM
     * kernel's availability is {@link Kernels}' business.
     */
    default Optional<String> whyKernelUnavailable(String kernel) {
        return Optional.empty();
    }

    /**
     * The kernel named {@code name} as this strategy runs it; {@value Kernels#AUTO} is its fastest
     * available one. The default is {@link Kernels#byName}, the JVM kernels; a strategy that runs
     * kernels of its own ({@link Capabilities#kernels()}) resolves their names here.
     *
     * @throws InvalidInputException naming {@code kernel}, for an unknown or unavailable kernel
     */
    default Kernel kernel(String name) {
        return Kernels.byName(name);
    }

    /**
     * Opens the strategy with the pools or actor systems sized to {@code config}.
     *
     * @throws InvalidInputException when {@code config} asks for what {@link #capabilities()} rules out
     */
    Strategy open(StrategyConfig config);
}
