package arena.core;

import java.util.List;
import java.util.stream.Stream;
import java.util.regex.Pattern;

/**
 * One option a provider accepts in {@link StrategyConfig#options()}, declared in full so that a
 * command line can offer it ({@code --name PARAM}, in help and completion) without knowing the
 * strategy. Immutable.
 *
 * @param name            the option's name, lower-case words joined by {@code -} (e.g. {@code join});
 *                        on the command line {@code --join}, in {@link StrategyConfig#options()} the key
 * @param paramLabel      what its value looks like in help, e.g. {@code HOST:PORT}
 * @param description     one line for help, starting with the strategy's name
 * @param deprecatedNames older names still accepted for one release (with a warning), meaning the same
 * @param flag            whether it is a flag, given as {@code --name} alone: it then reaches the strategy
 *                        as the value {@code true}, and not at all when not given
 */
public record StrategyOption(String name, String paramLabel, String description, List<String> deprecatedNames, boolean flag) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /** Validates the names and copies the list. */
    public StrategyOption {
        deprecatedNames = List.copyOf(deprecatedNames);
        for (String each : concat(name, deprecatedNames)) {
            if (!NAME.matcher(each).matches()) {
                throw new IllegalArgumentException("an option name is lower-case words joined by '-', got '" + each + "'");
            }
        }
        if (paramLabel.isBlank() || description.isBlank()) {
            throw new IllegalArgumentException("option '" + name + "' needs a parameter label and a description");
        }
    }

    /** An option that takes a value. */
    public StrategyOption(String name, String paramLabel, String description, List<String> deprecatedNames) {
        this(name, paramLabel, description, deprecatedNames, false);
    }

    /** An option that takes a value and has no older names. */
    public StrategyOption(String name, String paramLabel, String description) {
        this(name, paramLabel, description, List.of());
    }

    /** A flag with no older names: {@code --name} alone means {@code true}. */
    public static StrategyOption flag(String name, String description) {
        return new StrategyOption(name, "true|false", description, List.of(), true);
    }

    private static List<String> concat(String first, List<String> rest) {
        return Stream.concat(Stream.of(first), rest.stream()).toList();
    }
}
