package arena.core.kernel;

import arena.core.concurrent.StopSignal;
import arena.core.problem.JuliaParams;

/**
 * The golden contract written literally: one point at a time, each operation rounded on its own.
 *
 * <p>Why it looks the way it does: every strategy and kernel of the project, and the chapter's
 * {@code calc_julia}, must produce bit-identical counts. That holds only if every point sees the same
 * sequence of IEEE-754 double operations: the grid coordinate {@code -bound + i*step} as a product then
 * a sum, the escape test before each update, {@code (zr*zr - zi*zi) + cRe} as two products, a
 * subtraction and an addition, and no fused multiply-add anywhere ({@code Math.fma} would round once
 * where the contract rounds twice; Java never contracts on its own). The loop is a static method on
 * primitives: it allocates nothing and touches no shared object, the counterpart of the chapter's
 * {@code nogil} kernel. {@link #computeRows(JuliaParams, int[], int, int, StopSignal)} runs the same
 * loop with a poll of the stop signal every {@link StopSignal#POLL_UPDATES} updates. Stateless and
 * thread-safe.
 */
public final class ScalarKernel extends AbstractKernel {

    /** The one instance. */
    public static final ScalarKernel INSTANCE = new ScalarKernel();

    private ScalarKernel() {
        super("scalar");
    }

    /**
     * {@inheritDoc} Each pixel runs {@link #escape}'s loop, the same operations in the same order, in
     * blocks: a block ends after the updates left until the next poll ({@link StopSignal#POLL_UPDATES}
     * updates, counted across pixels), so a pixel's count never depends on where the polls fell.
     */
    @Override
    public boolean computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd, StopSignal stop) {
        int n = params.size();
        double bound = params.bound();
        double step = params.step();
        double zMax2 = params.zMax2();
        double cRe = params.cRe();
        double cIm = params.cIm();
        int nMax = params.nMax();
        int budget = StopSignal.POLL_UPDATES;
        for (int i = rowStart; i < rowEnd; i++) {
            double real = -bound + i * step;
            int offset = i * n;
            for (int j = 0; j < n; j++) {
                double zr = real;
                double zi = -bound + j * step;
                int k = 0;
                while (true) {
                    int limit = nMax - k <= budget ? nMax : k + budget;
                    int from = k;
                    while ((zr * zr + zi * zi) < zMax2 && k < limit) {
                        double newZr = (zr * zr - zi * zi) + cRe;
                        double newZi = (zr * zi + zi * zr) + cIm;
                        zr = newZr;
                        zi = newZi;
                        k++;
                    }
                    budget -= k - from;
                    if (k < limit || k == nMax) {
                        break; // escaped, or reached nMax
                    }
                    if (stop.stopRequested()) {
                        return false;
                    }
                    budget = StopSignal.POLL_UPDATES;
                }
                counts[offset + j] = k;
            }
        }
        return true;
    }

    /**
     * The escape count of one start point: the number of updates {@code z = z*z + c} made while
     * {@code |z|^2 < zMax2} and fewer than {@code nMax} updates were made.
     */
    public static int escape(double zr, double zi, double cRe, double cIm, double zMax2, int nMax) {
        int k = 0;
        while ((zr * zr + zi * zi) < zMax2 && k < nMax) {
            double newZr = (zr * zr - zi * zi) + cRe;
            double newZi = (zr * zi + zi * zr) + cIm;
            zr = newZr;
            zi = newZi;
            k++;
        }
        return k;
    }
}
