package arena.core.kernel;

import java.util.Optional;

/**
 * The light half of a kernel, found by {@link java.util.ServiceLoader} as strategies are: its name,
 * description, whether it can run in this JVM (and if not, why), its rank for {@code auto}, and the
 * kernel itself. Listing providers loads no kernel class that needs a JVM flag or a native library;
 * only {@link #kernel()} does, and only when {@link #whyUnavailable()} is empty.
 *
 * <p>Register an implementation in {@code META-INF/services/arena.core.kernel.KernelProvider} of the
 * kernel's module; {@link Kernels} lists every one it finds. Implementations are stateless and
 * thread-safe.
 */
public interface KernelProvider {

    /** A stable, lower-case name, as {@code --kernel} spells it, e.g. {@code scalar}; unique, never {@code auto}. */
    String name();

    /** One line saying how the kernel computes its cells. */
    String description();

    /**
     * Where {@code auto} places the kernel: among the available kernels, {@code auto} picks the
     * highest rank. Ranks are unique; the built-in ones are scalar 0, interleaved 10, vector 20.
     */
    int rank();

    /**
     * Why the kernel cannot run in this JVM, as the end of a sentence (e.g. {@code the vector kernel
     * needs the JVM flag --add-modules jdk.incubator.vector}); empty when it can.
     */
    Optional<String> whyUnavailable();

    /** Whether the kernel can run in this JVM: {@link #whyUnavailable()} is empty. */
    default boolean available() {
        return whyUnavailable().isEmpty();
    }

    /**
     * The kernel, whose {@link Kernel#name()} is {@link #name()}.
     *
     * @throws UnsupportedOperationException with {@link #whyUnavailable()}'s reason when not {@link #available()}
     */
    Kernel kernel();
}
