package arena.core.testkit;

import arena.core.kernel.Kernel;

/**
 * The base of the kit's stateful test kernels: a {@link Kernel} whose name is fixed when it is
 * built, so that a subclass says only what it does to the rows. Thread-safety: as each subclass
 * states; this class holds only the immutable name.
 */
public abstract class TestKernel implements Kernel {

    private final String name;

    /** A kernel reported as {@code name}. */
    protected TestKernel(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }
}
