package arena.bench.cli;


import arena.bench.report.ResultsFixture;
import arena.core.GoldenCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

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
        String goldenRow = ",0.1,0.2,1.5,4.0,10,4,0,0.0,1,1," + "a".repeat(64) + "\n";
        Path tooBig = Files.writeString(dir.resolve("too-big.csv"), GoldenCsv.HEADER + "\n46339" + goldenRow);
        Path plusSign = Files.writeString(dir.resolve("plus-sign.csv"), GoldenCsv.HEADER + "\n+5" + goldenRow);
        Path results = ResultsFixture.copy(dir, ResultsFixture.BASELINE);
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
        cases.addAll(List.of(
                // one spelling rule for numbers: ASCII decimal, no + sign, blanks, hex, suffixes or separators
                new Case("--resolution", "compute", "--resolution", "+5"),
                new Case("--resolution", "compute", "--resolution", " 5"),
                new Case("--resolution", "compute", "--resolution", "\u0665"),
                new Case("--resolution", "compute", "--resolution", "\uFF15"),
                new Case("--n-max", "compute", "--n-max", "0x10"),
                new Case("--n-max", "compute", "--n-max", "1_000"),
                new Case("--bound", "compute", "--bound", "0x1p1"),
                new Case("--bound", "compute", "--bound", "1.5d"),
                new Case("--z-max", "compute", "--z-max", "4.0f"),
                new Case("--c", "compute", "--c", "0x1p-2"),
                new Case("--c", "compute", "--c", "+0.5"),
                new Case("--c", "compute", "--c", "0.3 + 0.1i"),
                new Case("--threads", "compute", "--threads", "2 "),
                new Case("--schedule", "compute", "--schedule", "static:+2"),
                new Case("--schedule", "compute", "--schedule", "dynamic:\u0662"),
                new Case("--schedule", "compute", "--schedule", " static"),
                new Case("--repeat", "compare", "--repeat", "5e0"),
                new Case("--budget", "compare", "--budget", "Infinity"),
                new Case("--threshold", "diff", "--threshold", "1e999", "a.json", "b.json"),
                new Case("--seed", "diff", "--seed", "0x2A", results.toString(), results.toString()),
                new Case("--timeout", "compute", "--timeout", " 5s"),
                new Case("--timeout", "compute", "--timeout", "PT+5S"),
                new Case("--timeout", "compute", "--timeout", "PT1,5S"),
                // one rule for names: ASCII, case ignored, no blanks
                new Case("--kernel", "compute", "--kernel", "\uFF33\uFF23\uFF21\uFF2C\uFF21\uFF32"),
                new Case("--strategy", "compute", "--strategy", "threads "),
                new Case("--strategy", "compute", "--strategy", "a\u212A\u212Aa"),
                new Case("--format", "compute", "--format", "xml"),
                new Case("--format", "diff", "--format", "yaml", results.toString(), results.toString()),
                // ranges and lists
                new Case("--warmup", "compare", "--warmup", "1001"),
                new Case("--repeat", "compare", "--repeat", "10001"),
                new Case("--max-repeat", "compare", "--repeat", "10", "--max-repeat", "5"),
                new Case("--budget", "compare", "--budget", "3601"),
                new Case("--timeout", "compute", "--timeout", "0s"),
                new Case("--timeout", "compute", "--timeout", "8d"),
                new Case("--threshold", "diff", "--threshold", "-1", "a.json", "b.json"),
                new Case("--threads", "compare", "--threads", "1,0"),
                new Case("known strategies: sequential", "compare", "--strategies", "threads,quantum"),
                new Case("--kernels", "verify", "--kernels", "scalar,turbo"),
                new Case("--schedules", "verify", "--schedules", "static,fast"),
                new Case("--warmup", "timeline", "--warmup", "-1"),
                new Case("--resolution", "render", "--resolution", "0"),
                new Case("known strategies: sequential", "render", "--strategy", "quantum"),
                // options that do not apply are refused, naming the conflict
                new Case("--join applies only to strategy akka-cluster", "compute", "--strategy", "threads", "--join", "127.0.0.1:25520"),
                new Case("--local-workers applies only to strategy akka-cluster", "compute", "--local-workers", "2"),
                new Case("--local-workers applies only to strategy akka-cluster", "compare", "--strategies", "threads", "--local-workers", "2"),
                new Case("--join applies only to strategy akka-cluster", "verify", "--strategies", "forkjoin", "--join", "127.0.0.1:25520"),
                new Case("--join applies only to strategy akka-cluster", "timeline", "--strategies", "forkjoin", "--join", "127.0.0.1:25520"),
                new Case("drop --resolution", "verify", "--golden", missingColumn.toString(), "--resolution", "10"),
                new Case("drop --c, --n-max", "verify", "--golden", missingColumn.toString(), "--c", "0.5", "--n-max", "7"),
                new Case("--golden", "verify", "--golden", missingColumn.toString(), "--bound", "2"),
                new Case("--golden", "verify", "--golden", missingColumn.toString(), "--z-max", "2"),
                // akka-cluster's own options, read by the same rules
                new Case("--local-workers", "compute", "--strategy", "akka-cluster", "--local-workers", "+2"),
                new Case("--local-workers", "compute", "--strategy", "akka-cluster", "--local-workers", "65"),
                new Case("--join", "compute", "--strategy", "akka-cluster", "--join", "127.0.0.1:+25520"),
                new Case("--join", "compute", "--strategy", "akka-cluster"),
                new Case("--port", "worker", "--port", "70000", "--join", "127.0.0.1:25520"),
                new Case("--port", "worker", "--port", "+5", "--join", "127.0.0.1:25520"),
                new Case("--threads", "worker", "--threads", "0", "--join", "127.0.0.1:25520"),
                new Case("--join", "worker", "--join", "nowhere"),
                // golden files: the heap check before any case is computed, and the number rule
                new Case("ARENA_JAVA_OPTS=-Xmx", "verify", "--golden", tooBig.toString()),
                new Case("column resolution must be a whole number", "verify", "--golden", plusSign.toString())));
        return cases;
    }

    @Test
    void theTableHoldsAtLeastEightyDistinctCases() throws Exception {
        assertThat(cases().stream().map(c -> List.of(c.args())).distinct().count()).isGreaterThanOrEqualTo(80);
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
