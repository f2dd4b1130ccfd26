package arena.core.kernel;

/** Registers {@code scalar}, the reference: lowest rank, always available. Stateless and thread-safe. */
public final class ScalarKernelProvider extends AbstractKernelProvider {

    /** The provider of the reference kernel. */
    public ScalarKernelProvider() {
        super("scalar", "the golden contract written literally, one pixel at a time (the reference)", 0, () -> ScalarKernel.INSTANCE);
    }
}
