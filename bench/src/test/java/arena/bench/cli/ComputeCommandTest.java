package arena.bench.cli;


import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class ComputeCommandTest {

    @Test
    void seedCase_printsTheGoldenHash() {
        CliRunner run = CliRunner.run("compute", "--strategy", "sequential");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("sha256         07bf3a552107358388c5fe9ee2fbeebce4e99a0c0bbe8a15a5039b8bd76ad418")
                .contains("count_at_nmax  237469")
                .contains("fraction       0.2369947734583099")
                .contains("golden         matches");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void jsonFormat_printsOneObjectWithEveryKey() {
        CliRunner run = CliRunner.run("compute", "--strategy", "sequential", "--resolution", "200", "--c", "-0.8+0.156i", "--format", "json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).startsWith("{").endsWith("}").doesNotContain("\n");
        for (String key : new String[] {"resolution", "c_re", "c_im", "bound", "z_max", "n_max", "strategy", "kernel", "threads",
                "schedule", "sha256", "sum", "count_at_nmax", "fraction", "min", "max", "millis"}) {
            assertThat(run.out()).contains("\"" + key + "\": ");
        }
        assertThat(run.out()).contains("\"sha256\": \"f829cb578600bc68d9b222a4cdc46e212384ccc3428db3413e53f919c2929fb3\"");
        assertThat(run.out()).contains("\"golden\": true");
    }

    @Test
    void badInput_exitsTwoWithOneLineNamingTheOption() {
        String[][] cases = {
                {"--resolution", "0"}, {"--resolution", "abc"}, {"--resolution", "99999999999"}, {"--c", "1+"},
                {"--bound", "0"}, {"--bound", "NaN"}, {"--z-max", "Infinity"}, {"--n-max", "-1"}, {"--threads", "0"},
                {"--schedule", "dynamic:0"}, {"--strategy", "quantum"}, {"--kernel", "turbo"}, {"--format", "xml"}, {"--bogus"}};
        for (String[] bad : cases) {
            String[] args = new String[bad.length + 3];
            args[0] = "compute";
            args[1] = "--strategy";
            args[2] = "sequential";
            System.arraycopy(bad, 0, args, 3, bad.length);
            CliRunner run = CliRunner.run(args);
            String option = bad[0];
            assertThat(run.exitCode()).as(String.join(" ", bad)).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.err().strip()).as(String.join(" ", bad)).doesNotContain("\n").doesNotContain("Exception").contains(option);
            assertThat(run.out()).as(String.join(" ", bad)).isEmpty();
        }
    }

    @Test
    void unknownStrategy_listsTheKnownOnes() {
        CliRunner run = CliRunner.run("compute", "--strategy", "quantum");
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("known strategies: sequential");
    }

    @Test
    void tooManyThreadsForSequential_isBadInput() {
        CliRunner run = CliRunner.run("compute", "--strategy", "sequential", "--threads", "2", "--resolution", "10");
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("--threads").contains("at most 1 thread");
    }

    @Test
    void help_listsTheExitCodes() {
        CliRunner run = CliRunner.run("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Exit codes:").contains("130  interrupted").contains("compute").contains("strategies");
    }
}
