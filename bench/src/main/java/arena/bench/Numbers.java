package arena.bench;

import arena.core.InvalidInputException;

/**
 * Parses numeric options with messages that name the option and its allowed range, so that
 * {@code --resolution abc} is reported like {@code --resolution 0}. Stateless.
 */
public final class Numbers {

    private Numbers() {
    }

    /**
     * A whole number in {@code [min, max]}.
     *
     * @throws InvalidInputException naming {@code parameter} and the range
     */
    public static int wholeNumber(String parameter, String text, int min, int max) {
        long value;
        try {
            value = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(parameter, parameter + " must be a whole number between " + min + " and " + max
                    + ", got '" + text + "'");
        }
        if (value < min || value > max) {
            throw new InvalidInputException(parameter, parameter + " must be between " + min + " and " + max + ", got " + text.strip());
        }
        return (int) value;
    }

    /**
     * A finite number ({@code NaN} and infinities are refused here; ranges are checked where the
     * value is used).
     *
     * @throws InvalidInputException naming {@code parameter}
     */
    public static double finite(String parameter, String text) {
        double value;
        try {
            value = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(parameter, parameter + " must be a finite number, got '" + text + "'");
        }
        if (!Double.isFinite(value)) {
            throw new InvalidInputException(parameter, parameter + " must be a finite number, got '" + text + "'");
        }
        return value;
    }

    /**
     * A finite number in {@code [min, max]}.
     *
     * @throws InvalidInputException naming {@code parameter} and the range
     */
    public static double finiteIn(String parameter, String text, double min, double max) {
        double value = finite(parameter, text);
        if (value < min || value > max) {
            throw new InvalidInputException(parameter, parameter + " must be between " + min + " and " + max + ", got " + text.strip());
        }
        return value;
    }
}
