package arena.strategy.openmp;

import arena.core.kernel.Kernel;
import arena.core.problem.JuliaParams;
import java.util.List;
import java.util.Optional;

/**
 * One of the C library's two kernels, known to Java only by name and code: {@code c-scalar} (the
 * golden contract written literally) and {@code c-avx512} (eight columns per AVX-512 register with
 * lane refill). Only {@code openmp} runs them, inside its native loop; anyone else calling
 * {@link #computeRows} gets an {@link UnsupportedOperationException}. Immutable; safe from any thread.
 */
public final class NativeKernel implements Kernel {

    /** The contract in C, one point at a time. */
    public static final NativeKernel C_SCALAR = new NativeKernel("c-scalar", 0);
    /** AVX-512 with lane refill; needs a CPU with AVX-512F. */
    public static final NativeKernel C_AVX512 = new NativeKernel("c-avx512", 1);

    /** Both kernels, the slower first. */
    public static final List<NativeKernel> ALL = List.of(C_SCALAR, C_AVX512);

    private final String name;
    private final int code;

    private NativeKernel(String name, int code) {
        this.name = name;
        this.code = code;
    }

    @Override
    public String name() {
        return name;
    }

    /** The kernel's number in {@code arena_julia}'s {@code kernel} argument. */
    int code() {
        return code;
    }

    /** The kernel named {@code name} (lower case), if it is one of the two. */
    static Optional<NativeKernel> named(String name) {
        return ALL.stream().filter(k -> k.name.equals(name)).findFirst();
    }

    /** Always refuses: a native kernel runs only inside {@code openmp}'s native loop. */
    @Override
    public void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd) {
        throw new UnsupportedOperationException("the " + name + " kernel is native code that only the openmp strategy runs");
    }

    @Override
    public String toString() {
        return name;
    }
}
