package arena.core.kernel;

import arena.core.concurrent.StopSignal;
import arena.core.problem.JuliaParams;
import java.util.function.Supplier;

/**
 * A polling kernel that works in scratch space of type {@code S}: each call takes a spare from the
 * kernel's {@link Scratch} pool, computes its band there and gives the spare back, also when it
 * stops early or throws, so a warm call allocates nothing.
 *
 * <p>Threading: thread-safe; a call's scratch belongs to the calling thread alone while the call runs.
 */
abstract class ScratchKernel<S> extends AbstractKernel {

    private final Scratch<S> scratch;

    ScratchKernel(String name, Supplier<S> newScratch) {
        super(name);
        this.scratch = new Scratch<>(newScratch);
    }

    @Override
    public final boolean computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd, StopSignal stop) {
        S space = scratch.take();
        try {
            return compute(space, params, counts, rowStart, rowEnd, stop);
        } finally {
            scratch.give(space);
        }
    }

    /**
     * {@link #computeRows(JuliaParams, int[], int, int, StopSignal)}'s work, in {@code space}, which
     * this call alone uses and which holds whatever the previous call left there.
     */
    abstract boolean compute(S space, JuliaParams params, int[] counts, int rowStart, int rowEnd, StopSignal stop);
}
