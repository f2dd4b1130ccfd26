package arena.core.kernel;

import java.util.Optional;

/**
 * Registers {@code vector}: SIMD lanes through the Vector API, the highest built-in rank, available
 * only when the JVM has {@code jdk.incubator.vector} (see {@link VectorSupport}, which touches no
 * vector type). Stateless and thread-safe.
 */
public final class VectorKernelProvider extends AbstractKernelProvider {

    /** The provider of the vector kernel. */
    public VectorKernelProvider() {
        super("vector", "SIMD lanes through the Vector API (jdk.incubator.vector), six vectors in flight (three with AVX2)", 20, VectorSupport::kernel);
    }

    @Override
    public Optional<String> whyUnavailable() {
        return VectorSupport.available() ? Optional.empty() : Optional.of(VectorSupport.UNAVAILABLE_MESSAGE);
    }
}
