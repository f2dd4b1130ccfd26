package arena.bench.cli;


import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code --version} on every subcommand prints what {@code arena --version} prints, and exits 0. */
class VersionOptionTest {

    @ParameterizedTest
    @ValueSource(strings = {"compare", "verify", "compute", "render", "timeline", "strategies", "worker", "diff"})
    void everySubcommand_printsTheVersion(String command) {
        CliRunner arena = CliRunner.run("--version");
        CliRunner run = CliRunner.run(command, "--version");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("arena ").contains("JDK ").isEqualTo(arena.out());
        assertThat(run.err()).isEmpty();
    }
}
