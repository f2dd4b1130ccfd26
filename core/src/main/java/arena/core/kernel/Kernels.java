package arena.core.kernel;

import arena.core.input.InvalidInputException;
import arena.core.input.Names;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernels this build offers, by name: {@code scalar} (the golden contract written literally, the
 * reference), {@code interleaved} (scalar code, several pixels in flight), {@code vector} (SIMD through
 * the Vector API, when the JVM has {@code jdk.incubator.vector}) and {@code auto}, which names the
 * fastest available one. Every kernel is bit-identical to {@code scalar}; a kernel's
 * {@link Kernel#name()} is always its real name, so reports record the kernel actually used, never
 * {@code auto}. Stateless; safe from any thread.
 */
public final class Kernels {

    /** The name that picks the fastest available kernel. */
    public static final String AUTO = "auto";

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

    /** Every name {@link #byName} accepts in this JVM, {@code auto} last. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(List.of("scalar", "interleaved"));
        if (VectorSupport.available()) {
            names.add("vector");
        }
        names.add(AUTO);
        return names;
    }

    /**
     * The kernel with this name; {@code auto} gives {@code vector} when available, else
     * {@code interleaved}.
     *
     * @throws InvalidInputException naming {@code kernel}: for an unknown name, listing the known
     *                               ones; for {@code vector} without its module, saying which JVM
     *                               flag it needs
     */
    public static Kernel byName(String name) {
        return switch (Names.canonical("kernel", name, names())) {
            case "scalar" -> ScalarKernel.INSTANCE;
            case "interleaved" -> InterleavedKernel.INSTANCE;
            case "vector" -> {
                if (!VectorSupport.available()) {
                    throw new InvalidInputException("kernel", "kernel 'vector' is unavailable: " + VectorSupport.UNAVAILABLE_MESSAGE);
                }
                yield VectorSupport.kernel();
            }
            case AUTO -> VectorSupport.available() ? VectorSupport.kernel() : InterleavedKernel.INSTANCE;
            default -> throw Names.unknown("kernel", name, names());
        };
    }
}
