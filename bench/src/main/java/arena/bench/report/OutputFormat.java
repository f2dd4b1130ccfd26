package arena.bench.report;

import arena.core.input.Names;
import java.util.Arrays;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** How a command prints its result: a table for people or JSON for programs. */
public enum OutputFormat {
    /** Aligned text for a terminal. */
    text,
    /** One JSON document on stdout. */
    json;

    /**
     * Reads {@code --format} by {@link Names}' rule (case ignored), so {@code JSON} works like
     * {@code STATIC} does for a schedule. Stateless.
     */
    public static final class Converter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return byName(OutputFormat.class, value);
        }
    }

    /**
     * The constant of {@code type} named {@code value} by {@link Names}' rule (constants are lower case).
     *
     * @throws TypeConversionException naming the format and the known ones
     */
    static <E extends Enum<E>> E byName(Class<E> type, String value) {
        var known = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        try {
            return Enum.valueOf(type, Names.canonical("format", value, known));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(Names.unknown("format", value, known).getMessage());
        }
    }
}
