package arena.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command in a fresh process (a child JVM, in these tests) and returns its stdout's lines once it has ended with exit code 0. */
final class ChildJvm {

    private ChildJvm() {
    }

    /** The lines {@code command} prints on stdout; its stderr goes to the test's. Fails unless it ends within a minute, exit code 0. */
    static List<String> linesOf(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the child ended").isTrue();
            assertThat(process.exitValue()).as("the child's exit code, output " + lines).isZero();
            return lines;
        } finally {
            process.destroyForcibly();
        }
    }
}
