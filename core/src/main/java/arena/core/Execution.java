package arena.core;

import arena.core.kernel.Kernel;
import arena.core.kernel.Kernels;
import arena.core.kernel.ScalarKernel;
import java.util.Objects;

/**
 * How one run is executed, independent of the strategy: the loop schedule, the kernel and, when a
 * timeline is wanted, the recorder that receives one event per chunk. Immutable.
 *
 * @param schedule how rows are divided among workers
 * @param kernel   what computes the cells of a band of rows
 * @param recorder receives every computed chunk, or null (the default) for no recording
 */
public record Execution(Schedule schedule, Kernel kernel, ChunkRecorder recorder) {

    /** Rejects a null schedule or kernel. */
    public Execution {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(kernel, "kernel");
    }

    /** An unrecorded execution. */
    public Execution(Schedule schedule, Kernel kernel) {
        this(schedule, kernel, null);
    }

    /**
     * How the reference grid is computed: one contiguous block through the {@link ScalarKernel}, the
     * golden contract written literally. Every other result is checked against a grid made this way.
     */
    public static Execution reference() {
        return new Execution(new Schedule.Static(0), Kernels.reference());
    }

    /** The schedule with the default kernel ({@code auto}: the fastest available). */
    public static Execution of(Schedule schedule) {
        return new Execution(schedule, Kernels.defaultKernel());
    }

    @Override
    public String toString() {
        return schedule.spec() + " with the " + kernel.name() + " kernel";
    }
}
