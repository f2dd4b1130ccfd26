package arena.core.kernel;

import java.util.Objects;
import java.util.Optional;

/**
 * The part every kernel provider shares: name, description and rank, fixed when the provider is
 * constructed. A subclass passes them to the constructor and implements {@link #kernel()}; a kernel
 * that needs something of the JVM (a module, a native library) also overrides
 * {@link #whyUnavailable()}, which by default says the kernel is always available. By convention a
 * provider is a top-level class named {@code <Name>KernelProvider} (e.g.
 * {@code ScalarKernelProvider}) beside its kernel, with a public no-argument constructor for
 * {@link java.util.ServiceLoader}, just as a strategy's is {@code <Model>Provider}.
 *
 * <p>Contract: constructing a provider loads no class of the kernel that might fail to load.
 * Threading: immutable once constructed; safe to use from any thread.
 */
public abstract class AbstractKernelProvider implements KernelProvider {

    private final String name;
    private final String description;
    private final int rank;

    /**
     * @param name        the kernel's stable, lower-case name, unique among all providers
     * @param description one line saying how the kernel computes its cells
     * @param rank        where {@code auto} places it: the highest-ranked available kernel wins
     */
    protected AbstractKernelProvider(String name, String description, int rank) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.rank = rank;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final int rank() {
        return rank;
    }

    /** Always available, unless a subclass says why not. */
    @Override
    public Optional<String> whyUnavailable() {
        return Optional.empty();
    }
}
