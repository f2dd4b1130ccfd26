package arena.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad input through the real CLI entry point: exit 2, one line on stderr that names the option
 * and what is allowed, no stack trace, nothing on stdout, nothing computed.
 */
class BadInputTest {

    @TempDir
    static Path dir;

    private record Case(String expectedInMessage, String... args) {
    }

    private static List<Case> cases() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file.txt"), "not a directory");
        Path missingColumn = Files.writeString(dir.resolve("missing-column.csv"),
                "resolution,c_re,c_im,bound,z_max,n_max,sum,count_at_nmax,fraction,min,max\n1,0,0,1.5,4,10,4,0,0.0,1,1\n");
        Path badNumber = Files.writeString(dir.resolve("bad-number.csv"), "resolution,c_re,c_im,bound,z_max,n_max,sum,count_at_nmax,fraction,min,max,sha256\n"
                + "1,zero,0,1.5,4,10,4,0,0.0,1,1," + "a".repeat(64) + "\n");
        Path badHash = Files.writeString(dir.resolve("bad-hash.csv"), "resolution,c_re,c_im,bound,z_max,n_max,sum,count_at_nmax,fraction,min,max,sha256\n"
                + "1,0,0,1.5,4,10,4,0,0.0,1,1,nothex\n");
        List<Case> cases = new ArrayList<>(List.of(
                new Case("--resolution", "compute", "--resolution", "0"),
                new Case("--resolution", "compute", "--resolution", "-7"),
                new Case("--resolution", "compute", "--resolution", "abc"),
                new Case("--resolution", "compute", "--resolution", "46340"),
                new Case("--resolution", "compute", "--resolution", "99999999999"),
                new Case("ARENA_JAVA_OPTS=-Xmx", "compute", "--resolution", "46339"),
                new Case("--c", "compute", "--c", "NaN"),
                new Case("--c", "compute", "--c", "1e999+0i"),
                new Case("--c", "compute", "--c", "1+"),
                new Case("--c", "compute", "--c", "i2"),
                new Case("--c", "compute", "--c", "0.3+0.1k"),
                new Case("--c", "compute", "--c", ""),
                new Case("--bound", "compute", "--bound", "0"),
                new Case("--bound", "compute", "--bound", "-1.5"),
                new Case("--bound", "compute", "--bound", "NaN"),
                new Case("--z-max", "compute", "--z-max", "Infinity"),
                new Case("--z-max", "compute", "--z-max", "0"),
                new Case("--n-max", "compute", "--n-max", "-1"),
                new Case("--n-max", "compute", "--n-max", "2147483648"),
                new Case("known strategies: sequential", "compute", "--strategy", "quantum"),
                new Case("--threads", "compute", "--threads", "0"),
                new Case("--threads", "compute", "--threads", "-2"),
                new Case("--threads", "compute", "--threads", "1000000"),
                new Case("--schedule", "compute", "--schedule", "dynamic:0"),
                new Case("--schedule", "compute", "--schedule", "guided:-1"),
                new Case("--schedule", "compute", "--schedule", "fast"),
                new Case("it supports: static, dynamic, guided", "compute", "--strategy", "threads", "--schedule", "split:4"),
                new Case("--kernel", "compute", "--kernel", "turbo"),
                new Case("--repeat", "compare", "--repeat", "-1"),
                new Case("--warmup", "compare", "--warmup", "-1"),
                new Case("--budget", "compare", "--budget", "-3"),
                new Case("--out", "compare", "--out", file.toString()),
                new Case("--out", "render", "--out", "/proc/no-such-dir/julia.png"),
                new Case("--out", "render", "--out", dir.toString()),
                new Case("--golden", "verify", "--golden", missingColumn.toString()),
                new Case("--golden", "verify", "--golden", badNumber.toString()),
                new Case("--golden", "verify", "--golden", badHash.toString()),
                new Case("--golden", "verify", "--golden", dir.resolve("absent.csv").toString()),
                new Case("--timeout", "compare", "--timeout", "soon"),
                new Case("--frobnicate", "compute", "--frobnicate"),
                new Case("frobnicate", "frobnicate"),
                new Case("--resolution", "compute", "--resolution", "10,20"),
                new Case("--threshold", "diff", "--threshold", "150", "a.json", "b.json")));
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> everyBadInput_exitsTwo_withOneLineNamingTheOption() throws Exception {
        return cases().stream().map(c -> dynamicTest(String.join(" ", c.args()), () -> {
            CliRunner run = CliRunner.run(c.args());
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
            String err = run.err().strip();
            assertThat(err).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ").contains(c.expectedInMessage());
            assertThat(run.out()).isEmpty();
        }));
    }
}
