package arena.bench.measure;

import arena.core.input.InvalidInputException;
import arena.core.problem.JuliaParams;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemoryCheckTest {

    @Test
    void gridsLargerThanTheHeap_areRefusedBeforeAllocating_namingTheMemoryAndTheHeapSetting() {
        JuliaParams largest = JuliaParams.chapterCase().withResolution(JuliaParams.MAX_RESOLUTION);
        assertThatThrownBy(() -> MemoryCheck.requireRoom(largest, 100))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("resolution 46339 needs 800.0 GiB for 100 grids")
                .hasMessageContaining("ARENA_JAVA_OPTS=-Xmx")
                .extracting(e -> ((InvalidInputException) e).parameter()).isEqualTo("resolution");
    }

    @Test
    void theSeedCase_fits() {
        MemoryCheck.requireRoom(JuliaParams.chapterCase(), 2);
        assertThat(JuliaParams.chapterCase().cellCount()).isEqualTo(1_002_001);
    }
}
