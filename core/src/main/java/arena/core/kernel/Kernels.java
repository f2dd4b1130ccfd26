package arena.core.kernel;

import java.util.List;

/**
 * The kernels this JVM offers, by name: every {@link KernelProvider} registered on the class path
 * (in {@code META-INF/services/arena.core.kernel.KernelProvider}), found once by
 * {@link java.util.ServiceLoader} where {@code KernelProvider} itself was loaded from, in rank order, and
 * {@code auto}, which names the highest-ranked available one. The built-in kernels are {@code scalar}
 * (the golden contract written literally, the reference), {@code interleaved} (scalar code, several
 * pixels in flight) and {@code vector} (SIMD through the Vector API, when the JVM has
 * {@code jdk.incubator.vector}), so {@code auto} is {@code vector} when available, else
 * {@code interleaved}. Every kernel is bit-identical to {@code scalar}; a kernel's
 * {@link Kernel#name()} is always its real name, so reports record the kernel actually used, never
 * {@code auto}. Stateless; safe from any thread.
 */
public final class Kernels {

    /** The name that picks the fastest available kernel. */
    public static final String AUTO = "auto";

    /** Found on first use of this class, then kept: the class path does not change while the JVM runs. */
    private static final KernelRegistry DISCOVERED = KernelRegistry.discover();

    private Kernels() {
    }

    /** The reference kernel, the golden contract written literally. */
    public static Kernel reference() {
        return ScalarKernel.INSTANCE;
    }

    /** The kernel used when none is named: {@code auto}, the fastest available. */
    public static Kernel defaultKernel() {
        return byName(AUTO);
    }

    /** Every kernel provider found, available or not, lowest rank first. */
    public static List<KernelProvider> providers() {
        return DISCOVERED.all();
    }

    /** Every name {@link #byName} accepts in this JVM: the available kernels by rank, {@code auto} last. */
    public static List<String> names() {
        return DISCOVERED.names();
    }

    /**
     * Whether any thread may call {@code kernel}'s {@link Kernel#computeRows}: a kernel of a
     * registered provider, not a strategy's own (the {@code openmp} strategy's native kernels run only
     * inside its native loop and refuse every other caller).
     */
    public static boolean runsInJava(Kernel kernel) {
        return providers().stream().anyMatch(p -> p.name().equals(kernel.name()));
    }

    /**
     * The kernel with this name; {@code auto} gives the highest-ranked available kernel.
     *
     * @throws arena.core.input.InvalidInputException naming {@code kernel}: for an unknown name,
     *         listing the known ones; for an unavailable kernel (e.g. {@code vector} without its
     *         module), saying why (for {@code vector}, which JVM flag it needs)
     */
    public static Kernel byName(String name) {
        return DISCOVERED.byName(name);
    }
}
