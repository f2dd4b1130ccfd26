package arena.bench.cli;


import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ARENA_JAVA_OPTS} through the real {@code ./arena} launcher: JVM options pass through to the
 * run; anything else (a word that is not an option, a glob, a launcher action such as
 * {@code -version}, an option the JVM refuses) exits 2 with one line on stderr naming
 * {@code ARENA_JAVA_OPTS}, before anything is computed. Words are split on blanks, never expanded as
 * file names.
 */
class LauncherJavaOptsIT {

    private static final String[] SMALL_RUN = {"compute", "--resolution", "20", "--strategy", "sequential"};

    @Test
    void aValidOption_reachesTheRun_andStderrStaysEmpty(@TempDir Path dir) throws Exception {
        Result result = run(dir, "-Xmx512m -Dignored.by.arena=1", SMALL_RUN);
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("sha256");
        assertThat(result.stderr()).as("the JVM's incubator notice is dropped, nothing else is said").isEmpty();
    }

    @Test
    void theJvmsRefusal_showsWhichOptionItRefused(@TempDir Path dir) throws Exception {
        Result result = run(dir, "-Xmx256m -Xmx99999999999g", SMALL_RUN);
        assertThat(result.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(result.stderrLines()).containsExactly("arena: ARENA_JAVA_OPTS: '-Xmx256m -Xmx99999999999g' is not a valid JVM option list"
                + " (the JVM refuses it: Invalid maximum heap size: -Xmx99999999999g)");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void garbage_isRefusedWithOneLine(@TempDir Path dir) throws Exception {
        Result result = run(dir, "garbage", SMALL_RUN);
        assertRefusedInOneLine(result, "arena: ARENA_JAVA_OPTS: 'garbage' is not a valid JVM option list ('garbage' is not an option: each word must start with '-')");
    }

    @Test
    void anUnknownDashOption_isRefusedByTheJvmsOwnCheck(@TempDir Path dir) throws Exception {
        Result result = run(dir, "-XX:+NoSuchFlag", SMALL_RUN);
        assertThat(result.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(result.stderrLines()).singleElement().asString()
                .startsWith("arena: ARENA_JAVA_OPTS: '-XX:+NoSuchFlag' is not a valid JVM option list (the JVM refuses it: ")
                .contains("NoSuchFlag");
    }

    @Test
    void aGlob_isNeverExpanded_evenWhereFilesMatchIt(@TempDir Path dir) throws Exception {
        Path work = Files.createDirectory(dir.resolve("work"));
        Files.writeString(work.resolve("-Xmx64m"), "");
        Files.writeString(work.resolve("notes.txt"), "");
        Result result = run(dir, work, "*", SMALL_RUN);
        assertRefusedInOneLine(result, "arena: ARENA_JAVA_OPTS: '*' is not a valid JVM option list ('*' is not an option: each word must start with '-')");
    }

    @Test
    void launcherActions_areRefused_andNothingRuns(@TempDir Path dir) throws Exception {
        for (String action : List.of("-version", "-showversion", "--help", "-jar", "-cp", "--dry-run")) {
            Result result = run(dir, "-Xmx256m " + action, SMALL_RUN);
            assertThat(result.exitCode()).as(action).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(result.stderrLines()).as(action).containsExactly("arena: ARENA_JAVA_OPTS: '-Xmx256m " + action
                    + "' is not a valid JVM option list (" + action + " is a launcher action or class path, not an option for the run)");
            assertThat(result.stdout()).as(action).isEmpty();
        }
    }

    @Test
    void anOptionThatTakesAValue_needsIt(@TempDir Path dir) throws Exception {
        Result given = run(dir, "--add-opens java.base/java.lang=ALL-UNNAMED", SMALL_RUN);
        assertThat(given.exitCode()).isZero();
        Result missing = run(dir, "-Xmx256m --add-opens", SMALL_RUN);
        assertThat(missing.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(missing.stderrLines()).containsExactly(
                "arena: ARENA_JAVA_OPTS: '-Xmx256m --add-opens' is not a valid JVM option list (--add-opens needs a value)");
    }

    private record Result(int exitCode, String stdout, String stderr) {
        List<String> stderrLines() {
            return stderr.lines().toList();
        }
    }

    private static Result run(Path dir, String javaOpts, String... args) throws Exception {
        return run(dir, dir, javaOpts, args);
    }

    private static Result run(Path dir, Path workingDirectory, String javaOpts, String... args) throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        Process launcher = RealLauncher.inNewSession(tmp, Map.of("ARENA_JAVA_OPTS", javaOpts), RealLauncher.arena(args))
                .directory(workingDirectory.toFile()).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        int code;
        try {
            code = RealLauncher.exitCodeWithin(launcher, Duration.ofSeconds(60));
            assertThat(RealLauncher.awaitGroupGone(launcher.pid(), Duration.ofSeconds(5))).as("processes left in the launcher's group").isEmpty();
        } finally {
            RealLauncher.destroyGroup(launcher.pid());
        }
        assertThat(tmp).isEmptyDirectory();
        return new Result(code, Files.readString(stdout), Files.readString(stderr));
    }

    /** Exit 2, exactly {@code line} on stderr and nothing on stdout. */
    private static void assertRefusedInOneLine(Result result, String line) {
        assertThat(result.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(result.stderrLines()).containsExactly(line);
        assertThat(result.stdout()).isEmpty();
    }
}
