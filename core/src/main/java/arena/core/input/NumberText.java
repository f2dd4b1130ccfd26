package arena.core.input;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * The one rule for numbers written as text, on the command line and in golden files: ASCII decimal.
 * A whole number is the digits {@code 0-9}; a real number may add a fraction {@code .digits} and an
 * exponent {@code e} or {@code E}, an optional sign and digits. A leading {@code -} is allowed only
 * where the allowed range has negative values. Nothing else: no {@code +} sign, no blanks around or
 * inside, no hexadecimal, no {@code d}/{@code f} suffix, no {@code _} separators, no
 * {@code NaN}/{@code Infinity}, no digits of other scripts. Every parser of the project reads its
 * numbers here, so that {@code +5}, {@code ' 5'} and {@code ٥} are refused everywhere alike.
 *
 * <p>Each refusal is an {@link InvalidInputException} naming the parameter and its allowed range.
 * Stateless; safe from any thread.
 */
public final class NumberText {

    /** An unsigned real number's pattern (digits, optional {@code .digits}, optional exponent), for parsers that compose it. */
    public static final String UNSIGNED_REAL = "[0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?";

    /** The rule in words, for messages. */
    public static final String RULE = "ASCII decimal digits, no + sign, blanks, hex or suffixes";

    private static final Pattern WHOLE = Pattern.compile("-?[0-9]+");
    private static final Pattern REAL = Pattern.compile("-?" + UNSIGNED_REAL);

    private NumberText() {
    }

    /** Whether {@code text} is a whole number by the rule (sign allowed), whatever its size. */
    public static boolean isWhole(String text) {
        return text != null && WHOLE.matcher(text).matches();
    }

    /** Whether {@code text} is a real number by the rule (sign allowed), whatever its size. */
    public static boolean isReal(String text) {
        return text != null && REAL.matcher(text).matches();
    }

    /**
     * A whole number in {@code [min, max]}.
     *
     * @throws InvalidInputException naming {@code parameter} and the range
     */
    public static int wholeNumber(String parameter, String text, int min, int max) {
        return (int) wholeLong(parameter, text, min, max);
    }

    /**
     * A whole number in {@code [min, max]}, as a long.
     *
     * @throws InvalidInputException naming {@code parameter} and the range
     */
    public static long wholeLong(String parameter, String text, long min, long max) {
        String range = parameter + " must be a whole number from " + min + " to " + max + " (" + RULE + ")";
        if (!isWhole(text) || (min >= 0 && text.startsWith("-"))) {
            throw new InvalidInputException(parameter, range + ", got '" + text + "'");
        }
        BigInteger value = new BigInteger(text);
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new InvalidInputException(parameter, range + ", got " + text);
        }
        return value.longValue();
    }

    /**
     * A finite real number of either sign; ranges are checked where the value is used.
     *
     * @throws InvalidInputException naming {@code parameter}
     */
    public static double real(String parameter, String text) {
        if (!isReal(text)) {
            throw new InvalidInputException(parameter, parameter + " must be a decimal number such as 1.5 or 2e-3 (" + RULE
                    + "), got '" + text + "'");
        }
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
            throw new InvalidInputException(parameter, parameter + " must be a finite number, got '" + text + "' (beyond a double)");
        }
        return value;
    }

    /**
     * A finite real number in {@code [min, max]}; a {@code -} sign is refused when {@code min >= 0}.
     *
     * @throws InvalidInputException naming {@code parameter} and the range
     */
    public static double realIn(String parameter, String text, double min, double max) {
        String range = parameter + " must be a decimal number from " + plain(min) + " to " + plain(max) + " (" + RULE + ")";
        if (!isReal(text) || (min >= 0 && text.startsWith("-"))) {
            throw new InvalidInputException(parameter, range + ", got '" + text + "'");
        }
        double value = real(parameter, text);
        if (value < min || value > max) {
            throw new InvalidInputException(parameter, range + ", got " + text);
        }
        return value;
    }

    /**
     * A finite real number {@code > 0}.
     *
     * @throws InvalidInputException naming {@code parameter}
     */
    public static double positive(String parameter, String text) {
        String range = parameter + " must be a decimal number > 0 (" + RULE + ")";
        if (!isReal(text) || text.startsWith("-")) {
            throw new InvalidInputException(parameter, range + ", got '" + text + "'");
        }
        double value = real(parameter, text);
        if (value <= 0) {
            throw new InvalidInputException(parameter, range + ", got " + text);
        }
        return value;
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
