package arena.core;

import arena.core.input.InvalidInputException;
import arena.core.input.NumberText;
import arena.core.problem.JuliaParams;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads golden CSV files (the format of {@code julia-golden.csv}: a header naming the columns
 * {@value #HEADER}, then one case a line; a leading byte-order mark is skipped). Numbers follow
 * {@link NumberText}'s rule, exactly as on the command line (no blanks around a field). The copy bundled with the project is
 * {@link #bundled()}. Stateless; safe from any thread.
 */
public final class GoldenCsv {

    /** The header line every golden file starts with. */
    public static final String HEADER = "resolution,c_re,c_im,bound,z_max,n_max,sum,count_at_nmax,fraction,min,max,sha256";

    /** U+FEFF, which some editors write at the start of a UTF-8 file; skipped before the header. */
    private static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final String RESOURCE = "/arena/golden/julia-golden.csv";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final List<String> COLUMNS = Arrays.asList(HEADER.split(","));

    private GoldenCsv() {
    }

    /** The golden cases shipped with the project (a copy of the shared golden file). */
    public static List<GoldenCase> bundled() {
        try (InputStream in = GoldenCsv.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled golden file " + RESOURCE + " is missing from the class path");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundled case with exactly these parameters, if there is one. */
    public static Optional<GoldenCase> bundledCaseFor(JuliaParams params) {
        return bundled().stream().filter(c -> c.params().equals(params)).findFirst();
    }

    /**
     * Parses a golden file.
     *
     * @param source the file's name, for messages
     * @throws InvalidInputException naming {@code golden} with the line and column at fault
     */
    public static List<GoldenCase> parse(Reader reader, String source) throws IOException {
        BufferedReader lines = new BufferedReader(reader);
        String header = lines.readLine();
        if (header != null && header.startsWith(BYTE_ORDER_MARK)) {
            header = header.substring(1);
        }
        if (header == null || !header.strip().equals(HEADER)) {
            throw new InvalidInputException("golden", "golden file " + source + " must start with the header " + HEADER);
        }
        List<GoldenCase> cases = new ArrayList<>();
        int lineNumber = 1;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (!line.isBlank()) {
                cases.add(parseLine(line, source, lineNumber));
            }
        }
        if (cases.isEmpty()) {
            throw new InvalidInputException("golden", "golden file " + source + " holds no case");
        }
        return List.copyOf(cases);
    }

    private static GoldenCase parseLine(String line, String source, int lineNumber) {
        String[] f = line.split(",", -1);
        String where = "golden file " + source + " line " + lineNumber;
        if (f.length != COLUMNS.size()) {
            throw new InvalidInputException("golden", where + " has " + f.length + " columns; expected " + COLUMNS.size() + ": " + HEADER);
        }
        Field field = new Field(f, where);
        JuliaParams params;
        try {
            params = new JuliaParams(field.integer(0), field.real(1), field.real(2), field.real(3), field.real(4), field.integer(5));
        } catch (InvalidInputException e) {
            throw new InvalidInputException("golden", where + ": " + e.getMessage());
        }
        String sha = f[11];
        if (!SHA256.matcher(sha).matches()) {
            throw new InvalidInputException("golden", where + ": column sha256 must be 64 lowercase hex digits, got '" + sha + "'");
        }
        GridSummary expected = new GridSummary(sha, field.longInteger(6), field.longInteger(7), field.real(8), field.integer(9), field.integer(10));
        return new GoldenCase(params, expected);
    }

    private record Field(String[] values, String where) {
        int integer(int column) {
            return (int) longInteger(column, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }

        long longInteger(int column) {
            return longInteger(column, Long.MIN_VALUE, Long.MAX_VALUE);
        }

        private long longInteger(int column, long min, long max) {
            try {
                return NumberText.wholeLong(COLUMNS.get(column), values[column], min, max);
            } catch (InvalidInputException e) {
                throw bad(column, "a whole number from " + min + " to " + max + " (" + NumberText.RULE + ")");
            }
        }

        double real(int column) {
            try {
                return NumberText.real(COLUMNS.get(column), values[column]);
            } catch (InvalidInputException e) {
                throw bad(column, "a number, finite, in " + NumberText.RULE);
            }
        }

        private InvalidInputException bad(int column, String what) {
            return new InvalidInputException("golden", where + ": column " + COLUMNS.get(column) + " must be " + what
                    + ", got '" + values[column] + "'");
        }
    }
}
