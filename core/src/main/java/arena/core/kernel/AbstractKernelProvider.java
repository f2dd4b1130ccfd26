package arena.core.kernel;

import arena.core.input.AbstractProvider;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The part every kernel provider shares: name and description (as every provider's, see
 * {@link AbstractProvider}), rank and the way to the kernel, fixed when the provider is
 * constructed. A subclass passes them to the constructor; a kernel that needs something of the JVM
 * (a module, a native library) also overrides {@link #whyUnavailable()}, which by default says the
 * kernel is always available. By convention a provider is a top-level class named
 * {@code <Name>KernelProvider} (e.g. {@code ScalarKernelProvider}) beside its kernel, with a public
 * no-argument constructor for {@link java.util.ServiceLoader}, just as a strategy's is
 * {@code <Model>Provider}.
 *
 * <p>Contract: constructing a provider loads no class of the kernel that might fail to load (pass a
 * method reference such as {@code VectorSupport::kernel}, which loads it only when called).
 * Threading: immutable once constructed; safe to use from any thread.
 */
public abstract class AbstractKernelProvider extends AbstractProvider implements KernelProvider {

    private final int rank;
    private final Supplier<Kernel> kernel;

    /**
     * @param name        the kernel's stable, lower-case name, unique among all providers
     * @param description one line saying how the kernel computes its cells
     * @param rank        where {@code auto} places it: the highest-ranked available kernel wins
     * @param kernel      gives the kernel; called only when it is available
     */
    protected AbstractKernelProvider(String name, String description, int rank, Supplier<Kernel> kernel) {
        super(name, description);
        this.rank = rank;
        this.kernel = Objects.requireNonNull(kernel, "kernel");
    }

    @Override
    public final int rank() {
        return rank;
    }

    /**
     * {@inheritDoc}
     *
     * @throws UnsupportedOperationException with {@link #whyUnavailable()}'s reason when not {@link #available()}
     */
    @Override
    public final Kernel kernel() {
        Optional<String> why = whyUnavailable();
        if (why.isPresent()) {
            throw new UnsupportedOperationException(why.get());
        }
        return kernel.get();
    }

    /** Always available, unless a subclass says why not. */
    @Override
    public Optional<String> whyUnavailable() {
        return Optional.empty();
    }
}
