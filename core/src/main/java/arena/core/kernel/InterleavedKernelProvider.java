package arena.core.kernel;

/** Registers {@code interleaved}: scalar code with four pixels in flight; always available. Stateless and thread-safe. */
public final class InterleavedKernelProvider extends AbstractKernelProvider {

    /** The provider of the interleaved kernel. */
    public InterleavedKernelProvider() {
        super("interleaved", "scalar code, four pixels in flight", 10, () -> InterleavedKernel.INSTANCE);
    }
}
