package arena.bench.cli;


import arena.bench.report.ResultsFixture;
import arena.core.GoldenCsv;
import arena.core.StrategyRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every parser of the command line holds to the README's two rules. Numbers: the same odd
 * spellings of 5 ({@code +5}, blanks, Arabic-Indic and full-width digits, hex, {@code d}/{@code f}
 * suffixes, {@code _} separators, a hex float), plus seeded random ones (any script's digits, any
 * blank, any suffix), are refused by every numeric option with exit 2 and one line naming the
 * option, and the same plain spellings are accepted by all of them. Names: upper and mixed case are
 * accepted by every name option, blanks and full-width letters refused. The seed is printed; replay
 * with {@code -Darena.seed=N}.
 */
class SpellingRuleTest {

    private static final List<String> ODD = List.of("+5", " 5", "5 ", "\u0665", "\uFF15", "0x5", "5d", "5f", "1_000", "0x1p1");
    private static final List<String> WHOLE = List.of("5", "05");
    private static final List<String> REAL = List.of("5", "05", "5.0", "5e0", "0.5E1", "500e-2");
    private static final String[] TINY = {"--resolution", "4", "--n-max", "10"};
    private static final String[] ONE_RUN = {"--strategies", "threads", "--kernels", "scalar", "--threads", "1", "--schedules", "static"};

    /** Discovered once: every case runs the real entry point over the same strategies. */
    private static final StrategyRegistry REGISTRY = StrategyRegistry.discover();

    @TempDir
    static Path dir;

    /** A numeric option: its name, whether it reads reals, and the command line that gives it {@code value}. */
    private record NumberParser(String option, boolean real, boolean acceptanceRuns, Function<String, List<String>> command) {
    }

    private static List<NumberParser> numberParsers() throws Exception {
        Path results = ResultsFixture.copy(dir, ResultsFixture.BASELINE);
        List<NumberParser> parsers = new ArrayList<>();
        parsers.add(new NumberParser("--resolution", false, true, v -> List.of("compute", "--resolution", v, "--n-max", "10")));
        parsers.add(new NumberParser("--n-max", false, true, v -> List.of("compute", "--resolution", "4", "--n-max", v)));
        parsers.add(new NumberParser("--threads", false, true, v -> args("compute", TINY, "--threads", v)));
        parsers.add(new NumberParser("--threads", false, true, v -> args("verify", TINY, "--strategies", "threads", "--threads", v)));
        parsers.add(new NumberParser("--bound", true, true, v -> args("compute", TINY, "--bound", v)));
        parsers.add(new NumberParser("--z-max", true, true, v -> args("compute", TINY, "--z-max", v)));
        parsers.add(new NumberParser("--c", true, true, v -> args("compute", TINY, "--c", v)));
        parsers.add(new NumberParser("--schedule", false, true, v -> args("compute", TINY, "--schedule", "dynamic:" + v)));
        parsers.add(new NumberParser("--schedule", false, true, v -> args("verify", TINY, "--strategies", "threads", "--threads", "1",
                "--schedules", "static:" + v)));
        parsers.add(new NumberParser("--repeat", false, true, v -> args("compare", TINY, ONE_RUN, "--budget", "0", "--repeat", v)));
        parsers.add(new NumberParser("--warmup", false, true, v -> args("compare", TINY, ONE_RUN, "--budget", "0", "--warmup", v)));
        parsers.add(new NumberParser("--max-repeat", false, true, v -> args("compare", TINY, ONE_RUN, "--repeat", "1", "--max-repeat", v)));
        parsers.add(new NumberParser("--budget", true, true, v -> args("compare", TINY, ONE_RUN, "--max-repeat", "6", "--budget", v)));
        parsers.add(new NumberParser("--warmup", false, true, v -> args("timeline", TINY, ONE_RUN, "--out", dir.resolve("t").toString(),
                "--warmup", v)));
        parsers.add(new NumberParser("--timeout", true, true, v -> args("compute", TINY, "--timeout", v)));
        parsers.add(new NumberParser("--threshold", true, true, v -> List.of("diff", "--threshold", v, results.toString(), results.toString())));
        parsers.add(new NumberParser("--seed", false, true, v -> List.of("diff", "--seed", v, results.toString(), results.toString())));
        parsers.add(new NumberParser("--golden", false, true, v -> List.of("verify", "--golden", golden(v).toString(), "--strategies", "threads",
                "--threads", "1", "--schedules", "static")));
        // refusal only: accepting these starts worker JVMs or binds a port
        parsers.add(new NumberParser("--port", false, false, v -> List.of("worker", "--port", v, "--join", "127.0.0.1:25520")));
        parsers.add(new NumberParser("--threads", false, false, v -> List.of("worker", "--threads", v, "--join", "127.0.0.1:25520")));
        parsers.add(new NumberParser("--local-workers", false, false, v -> args("compute", TINY, "--strategy", "akka-cluster", "--local-workers", v)));
        parsers.add(new NumberParser("--join", false, false, v -> args("compute", TINY, "--strategy", "akka-cluster", "--join", "127.0.0.1:" + v)));
        return parsers;
    }

    private static Path golden(String resolution) {
        try {
            Path file = Files.createTempFile(dir, "golden", ".csv");
            return Files.writeString(file, GoldenCsv.HEADER + "\n" + resolution + ",0.1,0.2,1.5,4.0,10,4,0,0.0,1,1," + "a".repeat(64) + "\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyNumberParser_refusesTheSameOddSpellings_andAcceptsTheSamePlainOnes() throws Exception {
        long seed = Long.getLong("arena.seed", System.nanoTime());
        System.out.println("SpellingRuleTest seed: " + seed + " (replay with -Darena.seed=" + seed + ")");
        SplittableRandom random = new SplittableRandom(seed);
        List<DynamicTest> tests = new ArrayList<>();
        for (NumberParser parser : numberParsers()) {
            List<String> odd = new ArrayList<>(ODD);
            IntStream.range(0, 2).forEach(i -> odd.add(randomOddFive(random)));
            for (String spelling : odd) {
                List<String> command = parser.command().apply(spelling);
                tests.add(dynamicTest("refused " + describe(List.of(spelling)) + ": " + describe(command),
                        () -> assertRefused(command, parser.option())));
            }
            if (parser.acceptanceRuns()) {
                for (String spelling : parser.real() ? REAL : WHOLE) {
                    List<String> command = parser.command().apply(spelling);
                    tests.add(dynamicTest("accepted: " + describe(command), () -> assertAccepted(command, parser.option())));
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyNameParser_ignoresAsciiCase_andRefusesBlanksAndOtherScripts() throws Exception {
        Path results = ResultsFixture.copy(dir, ResultsFixture.BASELINE);
        record NameParser(String option, String name, Function<String, List<String>> command) {
        }
        List<NameParser> parsers = List.of(
                new NameParser("--strategy", "threads", v -> args("compute", TINY, "--strategy", v)),
                new NameParser("--strategies", "threads", v -> args("verify", TINY, "--threads", "1", "--strategies", v)),
                new NameParser("--kernel", "scalar", v -> args("compute", TINY, "--kernel", v)),
                new NameParser("--kernels", "scalar", v -> args("verify", TINY, "--strategies", "threads", "--threads", "1", "--kernels", v)),
                new NameParser("--schedule", "dynamic", v -> args("compute", TINY, "--schedule", v + ":2")),
                new NameParser("--schedules", "static", v -> args("verify", TINY, "--strategies", "threads", "--threads", "1", "--schedules", v)),
                new NameParser("--format", "json", v -> args("compute", TINY, "--format", v)),
                new NameParser("--format", "markdown", v -> List.of("diff", "--format", v, results.toString(), results.toString())),
                new NameParser("--strategy", "forkjoin", v -> args("render", TINY, "--out", dir.resolve("j.png").toString(), "--strategy", v)));
        List<DynamicTest> tests = new ArrayList<>();
        for (NameParser parser : parsers) {
            String name = parser.name();
            for (String good : List.of(name, name.toUpperCase(java.util.Locale.ROOT), Character.toUpperCase(name.charAt(0)) + name.substring(1))) {
                List<String> command = parser.command().apply(good);
                tests.add(dynamicTest("accepted: " + describe(command), () -> assertAccepted(command, parser.option())));
            }
            String fullWidth = name.toUpperCase(java.util.Locale.ROOT).chars().mapToObj(ch -> Character.toString(ch - 'A' + 0xFF21))
                    .reduce("", String::concat);
            for (String odd : List.of(" " + name, name + " ", name + "\t", name.charAt(0) + " " + name.substring(1), fullWidth, "\u00A0" + name)) {
                List<String> command = parser.command().apply(odd);
                tests.add(dynamicTest("refused: " + describe(command), () -> assertRefused(command, parser.option())));
            }
        }
        return tests.stream();
    }

    private static void assertRefused(List<String> command, String option) {
        CliRunner run = CliRunner.run(REGISTRY, command.toArray(String[]::new));
        assertThat(run.exitCode()).as(describe(command) + ": " + run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().strip()).as(describe(command)).doesNotContain("\n").doesNotContain("Exception").contains(option);
        assertThat(run.out()).isEmpty();
    }

    private static void assertAccepted(List<String> command, String option) {
        CliRunner run = CliRunner.run(REGISTRY, command.toArray(String[]::new));
        // a made-up golden file differs from the computed grid (exit 1): what matters is that it was read
        int expected = option.equals("--golden") ? ExitCode.RESULT_DIFFERS : ExitCode.OK;
        assertThat(run.exitCode()).as(describe(command) + ": " + run.err()).isEqualTo(expected);
        assertThat(run.err()).as(describe(command)).doesNotContain(option + ":");
    }

    /** 5 spelt oddly: another script's digit, a blank of any kind around it, a suffix, or a sign. */
    private static String randomOddFive(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> {
                int[] digits = IntStream.range(128, 0x1FFFF).filter(cp -> Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER
                        && Character.digit(cp, 10) == 5).toArray();
                yield Character.toString(digits[random.nextInt(digits.length)]);
            }
            case 1 -> {
                // no line break: in a golden CSV it would start another line, not spell a field
                String[] blanks = {" ", "\t", "\u000B", "\u00A0", "\u2007", "\u202F", "\u3000"};
                String blank = blanks[random.nextInt(blanks.length)];
                yield random.nextBoolean() ? blank + "5" : "5" + blank;
            }
            case 2 -> "5" + new String[] {"d", "D", "f", "F", "L", "l", "_", "."}[random.nextInt(8)];
            default -> "+" + "0".repeat(random.nextInt(3)) + "5";
        };
    }

    private static List<String> args(String command, Object... parts) {
        List<String> all = new ArrayList<>(List.of(command));
        for (Object part : parts) {
            if (part instanceof String[] many) {
                all.addAll(List.of(many));
            } else {
                all.add((String) part);
            }
        }
        return all;
    }

    private static String describe(List<String> command) {
        return String.join(" ", command.stream().map(a -> a.chars().allMatch(ch -> ch > ' ' && ch < 127) ? a : "'" + a.codePoints()
                .mapToObj(cp -> cp > ' ' && cp < 127 ? Character.toString(cp) : String.format("\\u%04X", cp)).reduce("", String::concat) + "'")
                .toList());
    }
}
