package arena.core.testkit;

import arena.core.kernel.Kernel;
import arena.core.kernel.ScalarKernel;
import arena.core.problem.JuliaParams;

/**
 * A test hook: computes like the scalar kernel, but when it reaches row {@code row} it interrupts
 * the thread it runs on, as an outside party (a pool shutting down, a debugger, a stray
 * {@code Thread.interrupt()}) would. Stateless; thread-safe.
 */
public final class InterruptingKernel implements Kernel {

    private final int row;

    /** A kernel that interrupts its thread on row {@code row}. */
    public InterruptingKernel(int row) {
        this.row = row;
    }

    @Override
    public String name() {
        return "interrupting-at-row-" + row;
    }

    @Override
    public void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd) {
        ScalarKernel.INSTANCE.computeRows(params, counts, rowStart, rowEnd);
        if (row >= rowStart && row < rowEnd) {
            Thread.currentThread().interrupt();
        }
    }
}
