package arena.bench.report;

import arena.bench.measure.Environment;
import arena.bench.measure.MachineSpeed;
import arena.bench.report.ResultsDocument.Key;
import arena.bench.report.ResultsDocument.Result;
import arena.core.input.InvalidInputException;
import arena.core.problem.JuliaParams;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A results.json written by {@code arena compare --out}, read back into the {@link ResultsDocument}
 * it was written from. {@link #read} first checks every field that {@code arena diff} relies on (the
 * schema version, the environment fields that decide whether two files are comparable, each
 * result's configuration, digest, verdict and samples) and refuses any file it cannot vouch for with
 * an {@link InvalidInputException} naming the file, the field and what is wrong. Immutable; safe to
 * share between threads.
 *
 * @param path     the file it was read from
 * @param document its content; no two results share a key
 */
public record ResultsFile(Path path, ResultsDocument document) {

    /** Always {@link Report#SCHEMA_VERSION}. */
    public int schemaVersion() {
        return document.schemaVersion();
    }

    /** Where it was measured. */
    public Environment platform() {
        return document.environment();
    }

    /** One entry per configuration, in the file's order. */
    public List<Result> results() {
        return document.results();
    }

    /** Its speed checks between forks; {@link MachineSpeed#NONE} when it has none (in-process, or a file from before the checks). */
    public MachineSpeed machineSpeed() {
        return new MachineSpeed(document.speedChecks());
    }

    /**
     * Reads and checks {@code file}.
     *
     * @param parameter the command-line parameter it came from ({@code baseline} or {@code current}), for messages
     * @throws InvalidInputException naming {@code parameter} and the file when it is missing, unreadable, not
     *                               JSON, of another schema version, or lacks or mistypes a field
     */
    public static ResultsFile read(Path file, String parameter) {
        String name = parameter + " " + file;
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InvalidInputException(parameter, name + " is not a readable file");
        }
        JsonNode root;
        try {
            root = ReportJson.MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(parameter, name + " is not valid JSON: " + where(e));
        } catch (IOException e) {
            throw new InvalidInputException(parameter, name + " cannot be read: " + e.getMessage());
        }
        Fields fields = new Fields(parameter, name);
        check(fields, root);
        ResultsDocument document;
        try {
            document = ReportJson.MAPPER.treeToValue(root, ResultsDocument.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidInputException(parameter, name + " is not a results.json this arena reads: " + where(e));
        }
        Set<Key> keys = new HashSet<>();
        for (int i = 0; i < document.results().size(); i++) {
            Key key = document.results().get(i).key();
            if (!keys.add(key)) {
                throw fields.wrong("results[" + i + "]", "repeats the configuration " + key);
            }
        }
        return new ResultsFile(file, document);
    }

    private static String where(Exception e) {
        if (!(e instanceof JsonProcessingException json)) {
            return e.getMessage();
        }
        var at = json.getLocation();
        String why = json.getOriginalMessage().replaceAll("\\[Source: [^\\]]*?(line: \\d+, column: \\d+)\\]", "$1");
        return why + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
    }

    /** Checks the fields {@code arena diff} relies on, so that a refusal names the field. */
    private static void check(Fields fields, JsonNode root) {
        if (root == null || !root.isObject()) {
            throw fields.wrong("the document", "must be a JSON object");
        }
        int version = fields.whole(root, "schema_version");
        if (version != Report.SCHEMA_VERSION) {
            throw fields.wrong("schema_version", "is " + version + "; this arena reads schema_version " + Report.SCHEMA_VERSION);
        }
        JsonNode env = fields.object(root, "environment");
        fields.text(env, "environment.cpu_model");
        fields.whole(env, "environment.cores");
        fields.text(env, "environment.jdk_version");
        fields.text(env, "environment.jdk_vendor");
        JsonNode array = fields.node(root, "results");
        if (!array.isArray() || array.isEmpty()) {
            throw fields.wrong("results", "must be a non-empty array");
        }
        for (int i = 0; i < array.size(); i++) {
            checkResult(fields, array.get(i), "results[" + i + "]");
        }
    }

    private static void checkResult(Fields fields, JsonNode result, String at) {
        if (!result.isObject()) {
            throw fields.wrong(at, "must be a JSON object");
        }
        String p = at + ".";
        int resolution = fields.whole(result, p + "resolution");
        double cRe = fields.number(result, p + "c_re");
        double cIm = fields.number(result, p + "c_im");
        double bound = fields.number(result, p + "bound");
        double zMax = fields.number(result, p + "z_max");
        int nMax = fields.whole(result, p + "n_max");
        try {
            new JuliaParams(resolution, cRe, cIm, bound, zMax, nMax);
        } catch (InvalidInputException e) {
            throw fields.wrong(at, "is not a valid problem: " + e.getMessage());
        }
        fields.text(result, p + "strategy");
        fields.text(result, p + "kernel");
        fields.whole(result, p + "threads");
        fields.text(result, p + "schedule");
        JsonNode identical = fields.node(result, p + "identical");
        if (!identical.isBoolean()) {
            throw fields.wrong(p + "identical", "must be true or false");
        }
        JsonNode samples = fields.node(result, p + "samples_ms");
        if (!samples.isArray() || (identical.booleanValue() && samples.isEmpty())) {
            throw fields.wrong(p + "samples_ms", "must be a non-empty array of milliseconds");
        }
        for (int s = 0; s < samples.size(); s++) {
            JsonNode sample = samples.get(s);
            if (!sample.isNumber() || !(sample.doubleValue() > 0) || !Double.isFinite(sample.doubleValue())) {
                throw fields.wrong(p + "samples_ms[" + s + "]", "must be a positive number of milliseconds, got " + sample);
            }
        }
        fields.text(result, p + "sha256");
    }

    /** Reads typed fields by dotted path (the last segment is the field's name) and words the refusals. */
    private record Fields(String parameter, String file) {

        InvalidInputException wrong(String field, String problem) {
            return new InvalidInputException(parameter, file + ": " + field + " " + problem);
        }

        JsonNode node(JsonNode parent, String path) {
            JsonNode node = parent.get(path.substring(path.lastIndexOf('.') + 1));
            if (node == null || node.isNull()) {
                throw wrong(path, "is missing");
            }
            return node;
        }

        JsonNode object(JsonNode parent, String path) {
            JsonNode node = node(parent, path);
            if (!node.isObject()) {
                throw wrong(path, "must be a JSON object");
            }
            return node;
        }

        String text(JsonNode parent, String path) {
            JsonNode node = node(parent, path);
            if (!node.isTextual()) {
                throw wrong(path, "must be a string, got " + node);
            }
            return node.textValue();
        }

        int whole(JsonNode parent, String path) {
            JsonNode node = node(parent, path);
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                throw wrong(path, "must be a whole number, got " + node);
            }
            return node.intValue();
        }

        double number(JsonNode parent, String path) {
            JsonNode node = node(parent, path);
            if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
                throw wrong(path, "must be a finite number, got " + node);
            }
            return node.doubleValue();
        }
    }
}
