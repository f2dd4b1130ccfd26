package arena.bench.cli;


import arena.core.StrategyRegistry;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class StrategiesCommandTest {

    @Test
    void listsEveryDiscoveredStrategy_oneLineEach_withItsSchedules() {
        CliRunner run = CliRunner.run("strategies");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).hasSize(StrategyRegistry.discover().all().size());
        assertThat(run.out()).contains("sequential").contains("[static, dynamic, guided, split]");
    }
}
