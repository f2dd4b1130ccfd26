package arena.core.testkit;

import arena.core.GoldenCase;
import arena.core.GoldenCsv;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The golden cases of {@code src/test/resources/golden/julia-golden.csv}, the project's copy of the
 * shared golden file, for tests of any module.
 */
public final class GoldenCases {

    private GoldenCases() {
    }

    /** Every golden case, in file order. */
    public static List<GoldenCase> all() {
        try (InputStream in = GoldenCases.class.getResourceAsStream("/golden/julia-golden.csv")) {
            if (in == null) {
                throw new IllegalStateException("golden/julia-golden.csv is not on the test class path");
            }
            return GoldenCsv.parse(new InputStreamReader(in, StandardCharsets.UTF_8), "golden/julia-golden.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The golden cases small enough for sweeps over many configurations (all but the chapter's case). */
    public static List<GoldenCase> small() {
        return all().stream().filter(c -> c.params().resolution() <= 200).toList();
    }
}
