package arena.core;

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
 * {@value #HEADER}, then one case a line). The copy bundled with the project is
 * {@link #bundled()}. Stateless; safe from any thread.
 */
public final class GoldenCsv {

    /** The header line every golden file starts with. */
    public static final String HEADER = "resolution,c_re,c_im,bound,z_max,n_max,sum,count_at_nmax,fraction,min,max,sha256";

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
        if (header == null || !header.strip().equals(HEADER)) {
            throw new InvalidInputException("golden", "golden file " + source + " must start with the header " + HEADER);
        }
        List<GoldenCase> cases = new ArrayList<>();
        int lineNumber = 1;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (!line.isBlank()) {
                cases.add(parseLine(line.strip(), source, lineNumber));
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
        String sha = f[11].strip();
        if (!SHA256.matcher(sha).matches()) {
            throw new InvalidInputException("golden", where + ": column sha256 must be 64 lowercase hex digits, got '" + sha + "'");
        }
        GridSummary expected = new GridSummary(sha, field.longInteger(6), field.longInteger(7), field.real(8), field.integer(9), field.integer(10));
        return new GoldenCase(params, expected);
    }

    private record Field(String[] values, String where) {
        int integer(int column) {
            try {
                return Integer.parseInt(values[column].strip());
            } catch (NumberFormatException e) {
                throw bad(column, "a whole number");
            }
        }

        long longInteger(int column) {
            try {
                return Long.parseLong(values[column].strip());
            } catch (NumberFormatException e) {
                throw bad(column, "a whole number");
            }
        }

        double real(int column) {
            try {
                return Double.parseDouble(values[column].strip());
            } catch (NumberFormatException e) {
                throw bad(column, "a number");
            }
        }

        private InvalidInputException bad(int column, String what) {
            return new InvalidInputException("golden", where + ": column " + COLUMNS.get(column) + " must be " + what
                    + ", got '" + values[column] + "'");
        }
    }
}
