package arena.bench.cli;

import arena.core.input.InvalidInputException;
import arena.core.input.NumberText;

/**
 * Parses numeric options by {@link NumberText}'s one rule (ASCII decimal, no {@code +} sign, no
 * blanks), with messages that name the option and its allowed range, so that
 * {@code --resolution abc} is reported like {@code --resolution 0}. A thin front of
 * {@link NumberText} for the commands. Stateless.
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
        return NumberText.wholeNumber(parameter, text, min, max);
    }

    /**
     * A finite number of either sign (ranges are checked where the value is used).
     *
     * @throws InvalidInputException naming {@code parameter}
     */
    public static double finite(String parameter, String text) {
        return NumberText.real(parameter, text);
    }

    /**
     * A finite number in {@code [min, max]}.
     *
     * @throws InvalidInputException naming {@code parameter} and the range
     */
    public static double finiteIn(String parameter, String text, double min, double max) {
        return NumberText.realIn(parameter, text, min, max);
    }
}
