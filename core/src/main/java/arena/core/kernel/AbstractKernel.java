package arena.core.kernel;

import arena.core.concurrent.StopSignal;
import arena.core.problem.JuliaParams;
import java.util.Objects;

/**
 * The part every polling kernel shares: its name, fixed when it is constructed, and the
 * four-argument {@link #computeRows(JuliaParams, int[], int, int)} as the five-argument one never
 * stopped ({@link StopSignal#NEVER}). A subclass implements only the five-argument form, which polls
 * as {@link Kernel} says; its escape loop is its own.
 *
 * <p>Threading: holds nothing but the name; a subclass states its own rules (the built-in kernels
 * may be called from any number of threads at once for disjoint row ranges).
 */
public abstract class AbstractKernel implements Kernel {

    private final String name;

    /** @param name the kernel's stable name, as its provider and {@code --kernel} spell it */
    protected AbstractKernel(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd) {
        computeRows(params, counts, rowStart, rowEnd, StopSignal.NEVER);
    }

    @Override
    public abstract boolean computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd, StopSignal stop);
}
