package arena.core.kernel;

import arena.core.input.InvalidInputException;
import arena.core.input.Names;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * The rules behind {@link Kernels}: the kernels of a list of providers by name, the counterpart of
 * {@code arena.core.StrategyRegistry}. The list is what {@link ServiceLoader} finds (a new kernel is a
 * new provider and a services line, nothing else) or, in this package's tests, an explicit one.
 * Providers are kept in rank order, lowest first; {@value Kernels#AUTO} names the highest-ranked
 * available one. Listing loads no kernel. Immutable; safe from any thread.
 */
final class KernelRegistry {

    private final Map<String, KernelProvider> byName;
    /** The available kernels' names, then {@value Kernels#AUTO}; fixed, as what the JVM offers a kernel does not change while it runs. */
    private final List<String> names;
    /** The highest-ranked available provider, or {@code null} if none is available. */
    private final KernelProvider auto;

    /**
     * Exactly these providers (tests list their own; {@link #discover()} lists what the class path registers).
     *
     * @throws IllegalStateException when two providers share a name or a rank, or a name breaks the rule
     */
    KernelRegistry(List<KernelProvider> providers) {
        List<KernelProvider> sorted = new ArrayList<>(providers);
        sorted.sort(Comparator.comparingInt(KernelProvider::rank));
        Map<String, KernelProvider> map = new LinkedHashMap<>();
        KernelProvider lower = null;
        for (KernelProvider provider : sorted) {
            if (!provider.name().matches("[a-z0-9-]+") || provider.name().equals(Kernels.AUTO)) {
                throw new IllegalStateException("kernel name '" + provider.name() + "' of " + provider.getClass().getName()
                        + " must be lower-case ASCII letters, digits and '-', and not '" + Kernels.AUTO + "'");
            }
            KernelProvider previous = map.putIfAbsent(provider.name(), provider);
            if (previous != null) {
                throw new IllegalStateException("two kernels are named '" + provider.name() + "': "
                        + previous.getClass().getName() + " and " + provider.getClass().getName());
            }
            if (lower != null && lower.rank() == provider.rank()) {
                throw new IllegalStateException("kernels '" + lower.name() + "' and '" + provider.name()
                        + "' share rank " + provider.rank() + "; '" + Kernels.AUTO + "' needs unique ranks");
            }
            lower = provider;
        }
        this.byName = map;
        List<KernelProvider> available = map.values().stream().filter(KernelProvider::available).toList();
        this.names = Stream.concat(available.stream().map(KernelProvider::name), Stream.of(Kernels.AUTO)).toList();
        this.auto = available.isEmpty() ? null : available.getLast();
    }

    /**
     * Every provider registered where {@link KernelProvider} itself was loaded from (not the calling
     * thread's context class loader, so the answer does not depend on which thread asks first).
     *
     * @throws IllegalStateException when two providers share a name or a rank, or a name breaks the rule
     */
    static KernelRegistry discover() {
        return new KernelRegistry(ServiceLoader.load(KernelProvider.class, KernelProvider.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList());
    }

    /** Every provider, available or not, lowest rank first. */
    List<KernelProvider> all() {
        return List.copyOf(byName.values());
    }

    /** The names {@link #byName} accepts: the available kernels, lowest rank first, then {@value Kernels#AUTO}. */
    List<String> names() {
        return names;
    }

    /**
     * The kernel with this name (ASCII case ignored); {@value Kernels#AUTO} gives the highest-ranked
     * available kernel.
     *
     * @throws InvalidInputException naming {@code kernel}: for an unknown name, listing the names of
     *                               {@link #names()}; for an unavailable kernel, saying why
     * @throws IllegalStateException for {@value Kernels#AUTO} when no kernel is available
     */
    Kernel byName(String name) {
        String canonical = Names.canonical("kernel", name, names());
        if (canonical.equals(Kernels.AUTO)) {
            if (auto == null) {
                throw new IllegalStateException("no kernel is available in this JVM");
            }
            return auto.kernel();
        }
        KernelProvider provider = byName.get(canonical);
        if (provider == null) {
            throw Names.unknown("kernel", name, names());
        }
        Optional<String> why = provider.whyUnavailable();
        if (why.isPresent()) {
            throw new InvalidInputException("kernel", "kernel '" + provider.name() + "' is unavailable: " + why.get());
        }
        return provider.kernel();
    }
}
