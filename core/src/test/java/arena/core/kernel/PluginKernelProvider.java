package arena.core.kernel;

/**
 * A kernel from outside the built-in list, as a new kernel module would add one: {@code plugin}, the
 * scalar kernel's counts under another name, ranked below every built-in kernel. No services file of
 * the test class path names it (so no other test sees it); {@link KernelsTest} registers it in a class
 * loader of its own. Stateless and thread-safe.
 */
public final class PluginKernelProvider extends AbstractKernelProvider {

    private static final Kernel PLUGIN = new RenamedScalarKernel("plugin");

    /** For {@link java.util.ServiceLoader}. */
    public PluginKernelProvider() {
        super("plugin", "the scalar kernel under another name, registered only by KernelsTest", -10, () -> PLUGIN);
    }
}
