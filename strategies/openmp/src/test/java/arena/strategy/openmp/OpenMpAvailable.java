package arena.strategy.openmp;

import org.junit.jupiter.api.Assumptions;

/** Skips a test class, printing why, where the openmp library cannot run (JDK 21, no compiler at build time, not linux x86-64). */
final class OpenMpAvailable {

    private OpenMpAvailable() {
    }

    /** Aborts the calling test class's tests unless the library is loaded. */
    static void assume(String testClass) {
        OpenMpProvider provider = new OpenMpProvider();
        provider.whyUnavailable().ifPresent(why -> System.out.println(testClass + " skipped: openmp is unavailable: " + why));
        Assumptions.assumeTrue(provider.available(), () -> "openmp is unavailable: " + provider.whyUnavailable().orElseThrow());
    }
}
