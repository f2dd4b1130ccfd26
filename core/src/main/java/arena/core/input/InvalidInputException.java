package arena.core.input;

/**
 * Bad input: a parameter outside its allowed range, or text that does not parse.
 *
 * <p>The message names the parameter and says what is allowed; {@link #parameter()} gives the
 * parameter's name as the command line spells its option (without the leading dashes), so that a
 * front end can report it without a stack trace. Immutable; safe to share between threads.
 */
public final class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String parameter;

    /**
     * @param parameter the parameter's name, e.g. {@code resolution} or {@code schedule}
     * @param message   what is wrong and what is allowed, starting with the parameter's name
     */
    public InvalidInputException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The name of the offending parameter, e.g. {@code resolution}. */
    public String parameter() {
        return parameter;
    }
}
