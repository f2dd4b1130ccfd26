package arena.strategy.openmp;

import arena.core.StrategyProvider;
import arena.core.testkit.StrategyConformanceTest;
import org.junit.jupiter.api.BeforeAll;

/**
 * The shared conformance suite, run over {@code openmp} with its fastest native kernel; skipped, with
 * the reason printed, where the library is unavailable. Its fault paths use native failures
 * ({@code OpenMpStrategyTest}), as openmp runs no Java kernel instance.
 */
class OpenMpConformanceTest extends StrategyConformanceTest {

    @BeforeAll
    static void requireTheLibrary() {
        OpenMpAvailable.assume("OpenMpConformanceTest");
    }

    @Override
    protected StrategyProvider provider() {
        return new OpenMpProvider();
    }

    @Override
    protected boolean runsGivenKernelInstances() {
        return false;
    }

    @Override
    protected void assertNothingLeftRunning(arena.core.Strategy closed) throws InterruptedException {
        super.assertNothingLeftRunning(closed);
        NativeThreads.assertNoneNamed("arena-openmp");
    }
}
