package arena.core.input;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule for names written as text (strategies, kernels, schedule kinds, output formats):
 * ASCII letters, digits and {@code -}, compared without regard to ASCII case, so {@code SCALAR} is
 * {@code scalar} as {@code STATIC} is {@code static}. No blanks around or inside, and no letters of
 * other scripts (so that, e.g., the Kelvin sign does not pass for a {@code k}). Every name parser of
 * the project goes through {@link #canonical}. Stateless; safe from any thread.
 */
public final class Names {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9-]+");

    private Names() {
    }

    /**
     * The name as the project spells it: ASCII lower case.
     *
     * @param known the names allowed, for the message
     * @throws InvalidInputException naming {@code parameter} and the known names when {@code text}
     *                               breaks the rule
     */
    public static String canonical(String parameter, String text, Collection<String> known) {
        if (text == null || !NAME.matcher(text).matches()) {
            throw unknown(parameter, text, known);
        }
        return text.toLowerCase(Locale.ROOT);
    }

    private static String plural(String noun) {
        return noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
    }

    /** The refusal of an unknown name, naming {@code parameter} and listing {@code known}. */
    public static InvalidInputException unknown(String parameter, String text, Collection<String> known) {
        return new InvalidInputException(parameter, parameter + " '" + text + "' is unknown; known " + plural(parameter) + ": "
                + String.join(", ", known));
    }
}
