package arena.bench.report;

import arena.core.problem.JuliaParams;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The problem's fields as every report names them: {@code resolution, c_re, c_im, bound, z_max,
 * n_max}. Stateless.
 */
public final class ProblemFields {

    private ProblemFields() {
    }

    /** A new ordered map holding the problem's fields, for a JSON object to extend. */
    public static Map<String, Object> of(JuliaParams params) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("resolution", params.resolution());
        fields.put("c_re", params.cRe());
        fields.put("c_im", params.cIm());
        fields.put("bound", params.bound());
        fields.put("z_max", params.zMax());
        fields.put("n_max", params.nMax());
        return fields;
    }
}
