package arena.core.testkit;

import arena.core.kernel.Kernel;
import arena.core.kernel.ScalarKernel;
import arena.core.problem.JuliaParams;

/**
 * A test hook: computes like the scalar kernel, but when it reaches row {@code row} it interrupts
 * the thread it runs on, as an outside party (a pool shutting down, a debugger, a stray
 * {@code Thread.interrupt()}) would. Stateless; thread-safe.
 *
 * @param row the row whose band interrupts its thread
 */
public record InterruptingKernel(int row) implements Kernel {

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
