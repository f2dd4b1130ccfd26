package arena.bench.cli;


import arena.bench.measure.Environment;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Where a measurement was taken: the git commit comes from the build, never from running git. */
class EnvironmentTest {

    @Test
    void gitCommit_isHeadsCommit_recordedAtBuildTime() throws Exception {
        String recorded = recordedDescribe();
        assumeTrue(!recorded.isEmpty() && !recorded.equals("unknown"), "this build had no git or no .git: the commit is 'unknown'");
        Process git = new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD").redirectErrorStream(true).start();
        String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(git.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(Environment.current().gitCommit()).isEqualTo(recorded).matches(head + "(-dirty)?");
    }

    @Test
    void gitCommit_isReported_whenNoGitCanRun(@TempDir Path dir) throws Exception {
        String recorded = recordedDescribe();
        assumeTrue(!recorded.isEmpty() && !recorded.equals("unknown"), "this build had no git or no .git: the commit is 'unknown'");
        ProcessBuilder child = new ProcessBuilder(ChildCli.command("compare", "--strategies", "threads", "--threads", "1", "--schedules", "static",
                "--kernels", "scalar", "--resolution", "20", "--warmup", "0", "--repeat", "1", "--max-repeat", "1", "--format", "json"))
                .redirectError(dir.resolve("err.txt").toFile()).directory(dir.toFile());
        child.environment().put("PATH", dir.toString()); // no git on PATH, and not a checkout
        Process process = child.start();
        try {
            byte[] out = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
            assertThat(new ObjectMapper().readTree(out).get("environment").get("git_commit").asText()).isEqualTo(recorded);
        } finally {
            process.destroyForcibly();
        }
    }

    private static String recordedDescribe() throws Exception {
        try (InputStream in = Environment.class.getResourceAsStream("/arena/git.properties")) {
            Properties git = new Properties();
            if (in != null) {
                git.load(in);
            }
            return git.getProperty("git.commit.id.describe", "");
        }
    }
}
