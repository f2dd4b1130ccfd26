package arena.core;

import arena.core.input.InvalidInputException;
import arena.core.input.NumberText;
import arena.core.problem.Complex;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Seeded random sweeps over the text parsers: thousands of well-formed inputs must parse to
 * exactly the intended values, and random malformed inputs must be refused with an
 * {@link InvalidInputException} naming the parameter, never with any other exception; random
 * strings must be accepted by {@link NumberText} exactly when they follow its rule, as a plain
 * regular expression states it. The seed is printed; replay with {@code -Darena.seed=N}.
 */
class ParserSweepTest {

    private static final int CASES = 5000;

    private static SplittableRandom seeded(String name) {
        long seed = Long.getLong("arena.seed", System.nanoTime());
        System.out.println(name + " seed: " + seed + " (replay with -Darena.seed=" + seed + ")");
        return new SplittableRandom(seed);
    }

    @Test
    void wellFormedComplexNumbers_parseToTheirExactDoubles() {
        SplittableRandom random = seeded("ParserSweepTest.complex");
        for (int i = 0; i < CASES; i++) {
            double re = randomDouble(random);
            double im = randomDouble(random);
            String unit = random.nextBoolean() ? "i" : "j";
            String text;
            Complex expected;
            switch (random.nextInt(3)) {
                case 0 -> {
                    text = format(random, re);
                    expected = new Complex(Double.parseDouble(text), 0);
                }
                case 1 -> {
                    text = format(random, im) + unit;
                    expected = new Complex(0, Double.parseDouble(text.substring(0, text.length() - 1)));
                }
                default -> {
                    String real = format(random, re);
                    String imaginary = format(random, Math.abs(im));
                    String sign = im < 0 ? "-" : "+";
                    text = real + sign + imaginary + unit;
                    expected = new Complex(Double.parseDouble(real), Double.parseDouble(sign + imaginary));
                }
            }
            assertThat(Complex.parse(text)).as("'%s'", text).isEqualTo(expected);
            String spaced = random.nextBoolean() ? " " + text : text.replace("+", " + ") + " ";
            assertThatThrownBy(() -> Complex.parse(spaced)).as("'%s'", spaced).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void mutatedComplexNumbers_areParsedOrRefusedCleanly() {
        SplittableRandom random = seeded("ParserSweepTest.complexMutations");
        String alphabet = "0123456789+-.eEijk x";
        for (int i = 0; i < CASES; i++) {
            StringBuilder text = new StringBuilder(format(random, randomDouble(random)) + "+" + format(random, Math.abs(randomDouble(random))) + "i");
            for (int m = random.nextInt(1, 4); m > 0; m--) {
                int at = random.nextInt(text.length() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> {
                        if (at < text.length()) {
                            text.deleteCharAt(at);
                        }
                    }
                    default -> {
                        if (at < text.length()) {
                            text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                        }
                    }
                }
            }
            String input = text.toString();
            Throwable thrown = catchThrowable(() -> Complex.parse(input));
            if (thrown != null) {
                assertThat(thrown).as("'%s'", input).isInstanceOf(InvalidInputException.class);
                assertThat(((InvalidInputException) thrown).parameter()).isEqualTo("c");
            }
        }
        for (String malformed : new String[] {"1+", "i2", "0.3+0.1k", "", "+", "-i", "1e", "1+2ij", "++1", "1..2i", "0x1p3", "+1", " 1", "1 ",
                "1.5d", "1f", "1_0", ".5", "5.", "\u0665", "\uFF15i"}) {
            assertThatThrownBy(() -> Complex.parse(malformed)).as("'%s'", malformed).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void wellFormedSchedules_parseAndRoundTrip() {
        SplittableRandom random = seeded("ParserSweepTest.schedules");
        for (int i = 0; i < CASES; i++) {
            int chunk = random.nextInt(1, Integer.MAX_VALUE);
            Schedule expected = switch (random.nextInt(5)) {
                case 0 -> new Schedule.Static(0);
                case 1 -> new Schedule.Static(chunk);
                case 2 -> new Schedule.Dynamic(chunk);
                case 3 -> new Schedule.Guided(chunk);
                default -> new Schedule.Split(chunk);
            };
            String text = random.nextBoolean() ? expected.spec() : expected.spec().toUpperCase(Locale.ROOT);
            assertThat(Schedule.parse(text)).isEqualTo(expected);
            assertThat(Schedule.parse(expected.spec()).spec()).isEqualTo(expected.spec());
        }
    }

    @Test
    void randomScheduleText_isParsedOrRefusedCleanly() {
        SplittableRandom random = seeded("ParserSweepTest.scheduleText");
        String[] words = {"static", "dynamic", "guided", "split", "fast", "", "auto", "runtime"};
        String alphabet = "0123456789:-+ x.";
        for (int i = 0; i < CASES; i++) {
            StringBuilder text = new StringBuilder(words[random.nextInt(words.length)]);
            for (int n = random.nextInt(0, 6); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String input = text.toString();
            Throwable thrown = catchThrowable(() -> Schedule.parse(input));
            if (thrown != null) {
                assertThat(thrown).as("'%s'", input).isInstanceOf(InvalidInputException.class);
                assertThat(((InvalidInputException) thrown).parameter()).isEqualTo("schedule");
            }
        }
    }

    @Test
    void randomNumberText_isAcceptedExactlyWhenItIsAsciiDecimal() {
        SplittableRandom random = seeded("ParserSweepTest.numberText");
        String alphabet = "0123456789-+.eE xd_\u0665\uFF15\u00A0";
        java.util.regex.Pattern rule = java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
        for (int i = 0; i < CASES; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(1, 8); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String input = text.toString();
            boolean follows = rule.matcher(input).matches();
            Throwable real = catchThrowable(() -> NumberText.real("bound", input));
            Throwable whole = catchThrowable(() -> NumberText.wholeLong("seed", input, Long.MIN_VALUE, Long.MAX_VALUE));
            if (follows && Double.isFinite(Double.parseDouble(input))) {
                assertThat(real).as("'%s'", input).isNull();
            } else {
                assertThat(real).as("'%s'", input).isInstanceOf(InvalidInputException.class).hasMessageStartingWith("bound ");
            }
            if (input.matches("-?[0-9]+") && new java.math.BigInteger(input).bitLength() < 64) {
                assertThat(whole).as("'%s'", input).isNull();
            } else {
                assertThat(whole).as("'%s'", input).isInstanceOf(InvalidInputException.class).hasMessageStartingWith("seed ");
            }
        }
    }

    private static double randomDouble(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextDouble(-2, 2);
            case 1 -> (random.nextBoolean() ? 1 : -1) * Math.pow(10, random.nextInt(-300, 300)) * random.nextDouble();
            case 2 -> random.nextInt(-1000, 1000);
            default -> Math.round(random.nextDouble(-2, 2) * 1000) / 1000.0;
        };
    }

    private static String format(SplittableRandom random, double value) {
        return switch (random.nextInt(3)) {
            case 0 -> Double.toString(value);
            case 1 -> String.format(Locale.ROOT, "%.6e", value);
            default -> String.format(Locale.ROOT, "%.4f", value);
        };
    }
}
