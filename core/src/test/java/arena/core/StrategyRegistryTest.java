package arena.core;

import arena.core.input.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrategyRegistryTest {

    @Test
    void discover_findsTheSequentialReference_withoutOpeningIt() {
        StrategyRegistry registry = StrategyRegistry.discover();
        assertThat(registry.names()).startsWith("sequential");
        assertThat(registry.find("sequential").capabilities().maxThreads()).isEqualTo(1);
    }

    @Test
    void unknownName_isRejectedListingTheKnownOnes() {
        assertThatThrownBy(() -> StrategyRegistry.discover().find("quantum"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("strategy 'quantum' is unknown; known strategies: sequential");
    }

    @Test
    void duplicateNames_failFast() {
        assertThatThrownBy(() -> StrategyRegistry.of(List.of(new SequentialProvider(), new SequentialProvider())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("two strategies are named 'sequential'");
    }

    @Test
    void sequential_refusesMoreThanOneThread_andForeignOptions() {
        assertThatThrownBy(() -> new SequentialProvider().open(StrategyConfig.threads(2)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("strategy 'sequential' runs on at most 1 thread, got 2");
        assertThatThrownBy(() -> new SequentialProvider().open(new StrategyConfig(1, java.util.Map.of("seed", "x"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("takes no option 'seed'");
    }

    @Test
    void threads_outsideTheirRange_areRejected() {
        assertThatThrownBy(() -> StrategyConfig.threads(0)).isInstanceOf(InvalidInputException.class).hasMessage("threads must be between 1 and 1024, got 0");
        assertThatThrownBy(() -> StrategyConfig.threads(5000)).isInstanceOf(InvalidInputException.class).hasMessageContaining("between 1 and 1024");
    }
}
