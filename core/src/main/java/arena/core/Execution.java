package arena.core;

import java.util.Objects;

/**
 * How one run is executed, independent of the strategy: the loop schedule and the kernel.
 * Immutable.
 *
 * @param schedule how rows are divided among workers
 * @param kernel   what computes the cells of a band of rows
 */
public record Execution(Schedule schedule, Kernel kernel) {

    /** Rejects nulls. */
    public Execution {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(kernel, "kernel");
    }

    /** The schedule with the default kernel. */
    public static Execution of(Schedule schedule) {
        return new Execution(schedule, Kernels.defaultKernel());
    }

    @Override
    public String toString() {
        return schedule.spec() + " with the " + kernel.name() + " kernel";
    }
}
