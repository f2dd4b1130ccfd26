package arena.core.problem;

import arena.core.input.InvalidInputException;
import arena.core.input.NumberText;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A complex number as two doubles; the Julia set's constant {@code c}.
 *
 * <p>{@link #parse(String)} reads the forms people write: {@code 0.322+0.05i}, {@code 0.322+0.05j},
 * {@code -0.8-0.156i}, {@code 0.5}, {@code 2i}, {@code 1e-3-2E-2i}; each part follows
 * {@link NumberText}'s rule (ASCII decimal, a leading {@code -} but no {@code +} sign, no blanks).
 * Numbers go through {@link Double#parseDouble}, a correctly rounding parser, so the doubles are
 * exactly those of the golden files. Immutable.
 *
 * @param re the real part, finite
 * @param im the imaginary part, finite
 */
public record Complex(double re, double im) {
    private static final String NUMBER = NumberText.UNSIGNED_REAL;
    private static final Pattern REAL = Pattern.compile("-?" + NUMBER);
    private static final Pattern IMAGINARY = Pattern.compile("(-?" + NUMBER + ")[ij]");
    private static final Pattern BOTH = Pattern.compile("(-?" + NUMBER + ")([+-]" + NUMBER + ")[ij]");
    private static final String FORMS = "write it as RE+IMi, e.g. 0.322+0.05i, -0.8-0.156i, 0.5 or 2i (j may stand for i; "
            + NumberText.RULE + ")";

    /** Rejects NaN and infinite parts, naming the parameter {@code c}. */
    public Complex {
        if (!Double.isFinite(re) || !Double.isFinite(im)) {
            throw new InvalidInputException("c", "c must be a finite complex number, got " + re + (im < 0 ? "" : "+") + im + "i");
        }
    }

    /**
     * Parses a complex number; blanks are refused, as everywhere.
     *
     * @throws InvalidInputException naming {@code c} when the text is not one of the accepted forms
     */
    public static Complex parse(String text) {
        String s = text == null ? "" : text;
        if (s.isEmpty()) {
            throw new InvalidInputException("c", "c is empty; " + FORMS);
        }
        if (REAL.matcher(s).matches()) {
            return new Complex(number(s, text), 0.0);
        }
        Matcher imaginary = IMAGINARY.matcher(s);
        if (imaginary.matches()) {
            return new Complex(0.0, number(imaginary.group(1), text));
        }
        Matcher both = BOTH.matcher(s);
        if (both.matches()) {
            return new Complex(number(both.group(1), text), number(both.group(2), text));
        }
        throw new InvalidInputException("c", "c '" + text + "' is not a complex number; " + FORMS);
    }

    private static double number(String digits, String text) {
        double value = Double.parseDouble(digits);
        if (!Double.isFinite(value)) {
            throw new InvalidInputException("c", "c '" + text + "' overflows a double; parts must be finite");
        }
        return value;
    }

    /** The form {@link #parse} reads back to the same doubles, e.g. {@code 0.322+0.05i}. */
    @Override
    public String toString() {
        return re + (im < 0 || (im == 0 && 1 / im < 0) ? "" : "+") + im + "i";
    }
}
