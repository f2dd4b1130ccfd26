package arena.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arena.core.Capabilities;
import arena.core.SequentialProvider;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.StrategyProvider;
import arena.core.StrategyRegistry;
import arena.core.input.InvalidInputException;
import arena.core.kernel.Kernels;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SelectionKernelsTest {

    /** The sequential reference declared as running only a kernel the JVM has not got. */
    private static final StrategyProvider OWN_KERNEL_ONLY = new StrategyProvider() {
        private final SequentialProvider sequential = new SequentialProvider();

        @Override public String name() { return "own-kernel"; }
        @Override public String description() { return "runs only its own kernel"; }
        @Override public Capabilities capabilities() { return sequential.capabilities().runningOnly(Set.of("c-scalar")); }
        @Override public Strategy open(StrategyConfig config) { return sequential.open(config); }
    };

    private static SelectionOptions selecting(String strategies, String kernels) {
        SelectionOptions options = new SelectionOptions();
        options.strategies = List.of(strategies.split(","));
        options.kernels = List.of(kernels.split(","));
        options.threads = List.of("1");
        options.schedules = List.of("static");
        return options;
    }

    @Test
    void aKernelAStrategyDoesNotRunIsSkippedAndListed() {
        StrategyRegistry registry = StrategyRegistry.of(List.of(new SequentialProvider(), OWN_KERNEL_ONLY));
        SelectionOptions.Expansion expansion = selecting("sequential,own-kernel", "scalar").expand(registry);

        assertEquals(List.of("sequential"), expansion.providers().stream().map(StrategyProvider::name).toList());
        assertTrue(expansion.skipped().contains("own-kernel with kernel scalar: it runs c-scalar"), expansion.skipped().toString());
    }

    @Test
    void aJvmStrategyStillRunsEveryJvmKernel() {
        StrategyRegistry registry = StrategyRegistry.of(List.of(new SequentialProvider()));
        SelectionOptions.Expansion expansion = selecting("sequential", String.join(",", Kernels.names())).expand(registry);

        assertEquals(Kernels.names().size(), expansion.configurations().size());
        assertTrue(expansion.skipped().isEmpty(), expansion.skipped().toString());
    }

    @Test
    void aSelectionWhoseOnlyStrategyRunsNoneOfTheKernelsIsRefused() {
        StrategyRegistry registry = StrategyRegistry.of(List.of(OWN_KERNEL_ONLY));
        InvalidInputException refusal = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> selecting("own-kernel", "scalar").expand(registry));
        assertTrue(refusal.getMessage().contains("it runs c-scalar"), refusal.getMessage());
    }
}
