package arena.core.kernel;

/**
 * Whether this JVM can run {@link VectorKernel}, and the way to get it. The vector kernel uses the
 * incubating module {@code jdk.incubator.vector}, which the JVM resolves only when started with
 * {@code --add-modules jdk.incubator.vector}; without it, loading {@link VectorKernel} fails. This
 * class never touches a vector type: ask {@link #available()} first, then {@link #kernel()}.
 *
 * <p>Stateless; safe from any thread.
 */
public final class VectorSupport {

    /** The module the vector kernel needs. */
    public static final String MODULE = "jdk.incubator.vector";

    /** Why the vector kernel cannot run, as {@link #kernel()} says it. */
    public static final String UNAVAILABLE_MESSAGE = "the vector kernel needs the JVM flag --add-modules " + MODULE;

    private VectorSupport() {
    }

    /** Whether {@code jdk.incubator.vector} is in the boot layer, so that {@link #kernel()} works. */
    public static boolean available() {
        return ModuleLayer.boot().findModule(MODULE).isPresent();
    }

    /**
     * The vector kernel.
     *
     * @throws UnsupportedOperationException with {@link #UNAVAILABLE_MESSAGE} when not {@link #available()}
     */
    public static Kernel kernel() {
        if (!available()) {
            throw new UnsupportedOperationException(UNAVAILABLE_MESSAGE);
        }
        return VectorKernel.INSTANCE;
    }
}
