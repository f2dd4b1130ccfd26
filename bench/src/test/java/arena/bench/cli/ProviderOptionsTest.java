package arena.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import arena.core.AbstractStrategyProvider;
import arena.core.Capabilities;
import arena.core.Schedule;
import arena.core.SequentialProvider;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.StrategyOption;
import arena.core.StrategyProvider;
import arena.core.StrategyRegistry;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A provider's options reach the command line from its {@link Capabilities} alone: a strategy that
 * bench has never heard of gets its option in every running command's help and in completion,
 * receives the value when selected, and an option given to a run that does not select it is refused.
 */
class ProviderOptionsTest {

    private final LabelledProvider labelled = new LabelledProvider();
    private final StrategyRegistry registry = registryWith(labelled);

    @ParameterizedTest
    @ValueSource(strings = {"compare", "compute", "verify", "timeline"})
    void aProvidersOption_isInTheHelpOfEveryCommandThatRunsStrategies(String command) {
        CliRunner run = CliRunner.run(registry, command, "--help");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("--run-label=TEXT").contains("labelled: a label the strategy is opened with");
    }

    @Test
    void aProvidersOption_completes() {
        CliRunner run = CliRunner.run(registry, "completion");

        assertThat(run.out()).contains("--run-label");
    }

    @Test
    void aProvidersOption_reachesItsStrategyWhenSelected() {
        CliRunner run = CliRunner.run(registry, "compute", "--strategy", "labelled", "--run-label", "first try", "--resolution", "10");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(labelled.opened).extracting(StrategyConfig::options).containsExactly(Map.of("run-label", "first try"));
    }

    @Test
    void aProvidersOption_forARunThatDoesNotSelectIt_isRefusedNamingTheOption() {
        CliRunner run = CliRunner.run(registry, "verify", "--strategies", "forkjoin", "--run-label", "x");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().strip()).isEqualTo("arena verify: --run-label: --run-label applies only to strategy labelled, "
                + "which is not selected (selected: forkjoin); select it or drop --run-label");
        assertThat(labelled.opened).isEmpty();
    }

    private static StrategyRegistry registryWith(StrategyProvider extra) {
        List<StrategyProvider> providers = new ArrayList<>(StrategyRegistry.discover().all());
        providers.add(extra);
        return StrategyRegistry.of(providers);
    }

    /** The reference under another name, with one option, remembering what it was opened with. */
    private static final class LabelledProvider extends AbstractStrategyProvider {

        final List<StrategyConfig> opened = new CopyOnWriteArrayList<>();

        LabelledProvider() {
            super("labelled", "the reference, opened with a label", new Capabilities(EnumSet.allOf(Schedule.Kind.class), false, 1,
                    List.of(new StrategyOption("run-label", "TEXT", "labelled: a label the strategy is opened with"))));
        }

        @Override
        public Strategy open(StrategyConfig config) {
            capabilities().requireAccepted(name(), config);
            opened.add(config);
            return new SequentialProvider().open(StrategyConfig.threads(config.threads()));
        }
    }
}
