package arena.core.kernel;

import arena.core.concurrent.StopSignal;
import arena.core.problem.JuliaParams;

/** A test kernel: the scalar kernel's counts (and polling) under another name. Stateless and thread-safe. */
public final class RenamedScalarKernel extends AbstractKernel {

    /** @param name the name it goes by */
    public RenamedScalarKernel(String name) {
        super(name);
    }

    @Override
    public boolean computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd, StopSignal stop) {
        return ScalarKernel.INSTANCE.computeRows(params, counts, rowStart, rowEnd, stop);
    }
}
