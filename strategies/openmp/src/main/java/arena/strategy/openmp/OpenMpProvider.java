package arena.strategy.openmp;

import arena.core.AbstractStrategyProvider;
import arena.core.Capabilities;
import arena.core.Schedule;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.input.InvalidInputException;
import arena.core.input.Names;
import arena.core.kernel.Kernel;
import arena.core.kernel.Kernels;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Registers {@code openmp}: the module's C kernels in an OpenMP {@code parallel for}, schedules
 * {@code static}, {@code static:N}, {@code dynamic:N} and {@code guided:N} as OpenMP's own, threads
 * through {@code num_threads}. It runs only its native kernels, {@code c-scalar} and
 * {@code c-avx512}; {@code auto} is the fastest the CPU runs. Unavailable, with the reason, on a JVM
 * before 22, off linux x86-64, or in a build without the library or the FFM classes. Stateless and
 * thread-safe; listing it loads the library (no thread starts), {@code open} starts the caller thread.
 */
public final class OpenMpProvider extends AbstractStrategyProvider {

    /** The provider; constructing it loads nothing. */
    public OpenMpProvider() {
        super("openmp", "the chapter's own model: the contract's kernel in C in an OpenMP parallel for, through the FFM API",
                Capabilities.parallel(Schedule.Kind.STATIC, Schedule.Kind.DYNAMIC, Schedule.Kind.GUIDED)
                        .runningOnly(Set.of(NativeKernel.C_SCALAR.name(), NativeKernel.C_AVX512.name())));
    }

    @Override
    public Optional<String> whyUnavailable() {
        return NativeLoader.whyUnavailable();
    }

    @Override
    public Optional<String> whyKernelUnavailable(String kernel) {
        if (kernel.equals(NativeKernel.C_AVX512.name()) && available() && !NativeLoader.library().hasAvx512()) {
            return Optional.of("this CPU lacks AVX-512F");
        }
        return whyUnavailable();
    }

    /**
     * {@code c-scalar} or {@code c-avx512}; {@code auto} is {@code c-avx512} where the CPU has
     * AVX-512F, else {@code c-scalar}.
     *
     * @throws InvalidInputException naming {@code kernel} for another name or a kernel this CPU or
     *                               JVM cannot run
     */
    @Override
    public Kernel kernel(String name) {
        List<String> known = new ArrayList<>(capabilities().kernels().stream().sorted().toList());
        known.add(Kernels.AUTO);
        String canonical = Names.canonical("kernel", name, known);
        NativeKernel kernel = canonical.equals(Kernels.AUTO)
                ? (whyKernelUnavailable(NativeKernel.C_AVX512.name()).isEmpty() ? NativeKernel.C_AVX512 : NativeKernel.C_SCALAR)
                : NativeKernel.named(canonical).orElseThrow(() -> Names.unknown("kernel", name, known));
        Optional<String> why = whyKernelUnavailable(kernel.name());
        if (why.isPresent()) {
            throw new InvalidInputException("kernel", "kernel '" + kernel.name() + "' of strategy 'openmp' is unavailable: " + why.get());
        }
        return kernel;
    }

    /**
     * @throws InvalidInputException naming {@code strategy} when the library is unavailable, or
     *                               {@code threads} when {@code config} asks for too many
     */
    @Override
    public Strategy open(StrategyConfig config) {
        Optional<String> why = whyUnavailable();
        if (why.isPresent()) {
            throw new InvalidInputException("strategy", "strategy 'openmp' is unavailable: " + why.get());
        }
        capabilities().requireAccepted(name(), config);
        return new OpenMpStrategy(this, config.threads(), NativeLoader.library());
    }
}
