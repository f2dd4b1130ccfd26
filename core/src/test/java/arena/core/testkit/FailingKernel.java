package arena.core.testkit;

import arena.core.kernel.ScalarKernel;
import arena.core.problem.JuliaParams;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test hook: computes like the scalar kernel but throws {@link InjectedFailure} when it reaches
 * row {@code failingRow}, the counterpart of the chapter's {@code with gil: raise} inside a parallel
 * worker. It counts the rows it computed, so that a test can see the other workers stop promptly.
 * Thread-safe.
 */
public final class FailingKernel extends TestKernel {

    private final int failingRow;
    private final AtomicLong rowsComputed = new AtomicLong();
    private final AtomicLong rowsComputedAfterFailure = new AtomicLong();
    private volatile boolean failed;

    /** A kernel that fails on row {@code failingRow}. */
    public FailingKernel(int failingRow) {
        super("failing-at-row-" + failingRow);
        this.failingRow = failingRow;
    }

    @Override
    public void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd) {
        if (failingRow >= rowStart && failingRow < rowEnd) {
            ScalarKernel.INSTANCE.computeRows(params, counts, rowStart, failingRow);
            rowsComputed.addAndGet(failingRow - rowStart);
            failed = true;
            throw new InjectedFailure(failingRow);
        }
        boolean afterFailure = failed;
        ScalarKernel.INSTANCE.computeRows(params, counts, rowStart, rowEnd);
        rowsComputed.addAndGet(rowEnd - rowStart);
        if (afterFailure) {
            rowsComputedAfterFailure.addAndGet(rowEnd - rowStart);
        }
    }

    /** How many rows were started after the failing row had thrown: the other workers' reaction time. */
    public long rowsComputedAfterFailure() {
        return rowsComputedAfterFailure.get();
    }

    /** How many rows this kernel has computed so far, over all calls. */
    public long rowsComputed() {
        return rowsComputed.get();
    }

    /** The exception a {@link FailingKernel} throws; tests look for it as the cause. */
    public static final class InjectedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int row;

        InjectedFailure(int row) {
            super("injected failure at row " + row);
            this.row = row;
        }

        /** The row the kernel failed on. */
        public int row() {
            return row;
        }
    }
}
