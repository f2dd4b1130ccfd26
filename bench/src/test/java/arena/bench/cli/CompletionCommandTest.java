package arena.bench.cli;


import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code arena completion}: the script it prints completes commands and options in a real bash. */
class CompletionCommandTest {

    @Test
    void script_completesSubcommandsAndOptions_inBash(@TempDir Path dir) throws Exception {
        CliRunner run = CliRunner.run("completion");
        assertThat(run.exitCode()).isZero();
        Path script = dir.resolve("arena-completion.bash");
        Files.writeString(script, run.out());
        assertThat(complete(script, "arena co")).isEqualTo("compare completion compute");
        assertThat(complete(script, "arena compare --resol")).isEqualTo("--resolution");
    }

    /** What bash offers for the last word of {@code line} after sourcing the script. */
    private static String complete(Path script, String line) throws Exception {
        String probe = "source '" + script + "'; COMP_LINE='" + line + "'; read -ra COMP_WORDS <<< \"$COMP_LINE\"; "
                + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_POINT=${#COMP_LINE}; _complete_arena; "
                + "printf '%s\\n' \"${COMPREPLY[@]}\" | sort | tr '\\n' ' '";
        Process bash = new ProcessBuilder("bash", "-c", probe)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start(); // compopt complains outside a real completion
        try {
            String out = new String(bash.getInputStream().readAllBytes()).strip();
            assertThat(bash.waitFor(20, TimeUnit.SECONDS)).isTrue();
            return out;
        } finally {
            bash.destroyForcibly();
        }
    }
}
