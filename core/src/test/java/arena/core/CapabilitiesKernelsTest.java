package arena.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CapabilitiesKernelsTest {

    @Test
    void aJvmStrategyRunsEveryJvmKernel() {
        Capabilities jvm = Capabilities.staticDynamicGuided();
        assertTrue(jvm.runsKernel("scalar"));
        assertTrue(jvm.runsKernel("vector"));
        assertFalse(jvm.runsKernel("c-scalar"), "a JVM strategy runs no native kernel");
        assertEquals("every JVM kernel", jvm.kernelLabels());
    }

    @Test
    void aStrategyRunningOnlyItsOwnKernelsRefusesTheOthers() {
        Capabilities nativeOnly = Capabilities.staticDynamicGuided().runningOnly(Set.of("c-scalar", "c-avx512"));
        assertTrue(nativeOnly.runsKernel("c-scalar"));
        assertFalse(nativeOnly.runsKernel("scalar"));
        assertEquals("c-avx512, c-scalar", nativeOnly.kernelLabels());
        assertEquals(Capabilities.staticDynamicGuided().schedules(), nativeOnly.schedules());
    }

    @Test
    void aStrategyRunsAtLeastOneKernel() {
        assertThrows(IllegalArgumentException.class, () -> Capabilities.staticDynamicGuided().runningOnly(Set.of()));
    }
}
