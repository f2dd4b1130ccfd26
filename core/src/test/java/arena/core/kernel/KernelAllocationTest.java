package arena.core.kernel;

import arena.core.concurrent.StopSignal;
import arena.core.problem.JuliaParams;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A warm kernel allocates nothing per cell or per iteration, polling of a stop signal included (a
 * volatile read and the thread's interrupt flag, as {@code GridJob}'s): scalar and interleaved 0 bytes
 * per grid, vector at most 1 KiB (its coordinate table, about 200 bytes). The silent failure this guards against:
 * a vector kernel whose vectors get boxed (C2 gave up on a method, a vector crossed a call that was
 * not inlined) still gives the right counts, only 7 to 100 times slower with gigabytes of garbage.
 */
class KernelAllocationTest {

    /** Enough for C2 to compile every method of each kernel: the vector kernel ends few blocks per grid, so its
     *  block-level methods reach the compile threshold only after about 30 grids of this size. */
    private static final int WARM_UP_GRIDS = 50;
    private static final int MEASURED_GRIDS = 20;
    private static final long VECTOR_BYTES_PER_GRID = 1024;

    @ParameterizedTest
    @MethodSource("arena.core.kernel.KernelCancellationTest#everyKernel")
    void aWarmKernel_allocatesNothingPerGrid_butTheVectorKernelsCoordinateTable(Kernel kernel) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        AtomicBoolean cancelled = new AtomicBoolean();
        StopSignal signal = () -> cancelled.get() || Thread.currentThread().isInterrupted();
        JuliaParams warmUp = JuliaParams.chapterCase().withResolution(300);
        int[] warmCounts = new int[warmUp.cellCount()];
        for (int k = 0; k < WARM_UP_GRIDS; k++) {
            kernel.computeRows(warmUp, warmCounts, 0, warmUp.size(), signal);
        }
        JuliaParams params = JuliaParams.chapterCase().withResolution(500);
        int[] counts = new int[params.cellCount()];
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int k = 0; k < MEASURED_GRIDS; k++) {
            kernel.computeRows(params, counts, 0, params.size(), signal);
        }
        long perGrid = (threads.getCurrentThreadAllocatedBytes() - before) / MEASURED_GRIDS;
        System.out.println(kernel.name() + ": " + perGrid + " bytes allocated per grid of " + params);
        assertThat(perGrid).as("bytes allocated per grid by %s", kernel.name()).isLessThanOrEqualTo(kernel.name().equals("vector") ? VECTOR_BYTES_PER_GRID : 0);
    }
}
