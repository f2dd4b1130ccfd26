package arena.core.testkit;

import arena.core.kernel.Kernel;
import arena.core.kernel.ScalarKernel;
import arena.core.problem.JuliaParams;
import java.util.Objects;

/**
 * A test hook: computes like the scalar kernel but throws the one given instance ({@link RuntimeException}
 * or {@link Error}) when it reaches row {@code failingRow}, so a test can check that the caller sees
 * that very instance, not a copy. Stateless; thread-safe.
 *
 * @param failingRow the row whose band throws
 * @param failure    the instance thrown, a {@link RuntimeException} or an {@link Error}
 */
public record ThrowingKernel(int failingRow, Throwable failure) implements Kernel {

    /** @throws IllegalArgumentException when {@code failure} is a checked exception */
    public ThrowingKernel {
        Objects.requireNonNull(failure, "failure");
        if (!(failure instanceof RuntimeException) && !(failure instanceof Error)) {
            throw new IllegalArgumentException("failure must be unchecked, got " + failure.getClass().getName());
        }
    }

    @Override
    public String name() {
        return "throwing-at-row-" + failingRow;
    }

    @Override
    public void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd) {
        if (failingRow >= rowStart && failingRow < rowEnd) {
            if (failure instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) failure;
        }
        ScalarKernel.INSTANCE.computeRows(params, counts, rowStart, rowEnd);
    }
}
