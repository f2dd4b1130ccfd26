package arena.bench.report;

import arena.bench.measure.Configuration;
import arena.core.input.InvalidInputException;
import arena.core.problem.Complex;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A results.json written by {@code arena compare --out}, read back: its schema version, the parts of
 * its environment that decide whether two files are comparable, and every result with its samples.
 * {@link #read} refuses any file it cannot vouch for with an {@link InvalidInputException} naming the
 * file, the field and what is wrong. Immutable; safe to share between threads.
 *
 * @param path          the file it was read from
 * @param schemaVersion always {@link Report#SCHEMA_VERSION}
 * @param platform      where it was measured
 * @param results       one entry per configuration, in the file's order, no two with the same key
 */
public record ResultsFile(Path path, int schemaVersion, Platform platform, List<Entry> results) {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Copies the list. */
    public ResultsFile {
        results = List.copyOf(results);
    }

    /**
     * The environment fields two files must share to be compared. Immutable.
     *
     * @param cpuModel   {@code cpu_model}
     * @param cores      {@code cores}
     * @param jdkVersion {@code jdk_version}
     * @param jdkVendor  {@code jdk_vendor}
     */
    public record Platform(String cpuModel, int cores, String jdkVersion, String jdkVendor) {

        /** Each field that differs, as {@code "cores: 2 vs 16"} ({@code this} first); empty when none does. */
        public List<String> differencesTo(Platform other) {
            List<String> differences = new ArrayList<>();
            differ(differences, "cpu_model", cpuModel, other.cpuModel);
            differ(differences, "cores", cores, other.cores);
            differ(differences, "jdk_version", jdkVersion, other.jdkVersion);
            differ(differences, "jdk_vendor", jdkVendor, other.jdkVendor);
            return differences;
        }

        private static void differ(List<String> differences, String field, Object mine, Object theirs) {
            if (!mine.equals(theirs)) {
                differences.add(field + ": " + mine + " vs " + theirs);
            }
        }
    }

    /** A problem as results.json spells it; two are the same problem when every field is equal. Immutable. */
    public record Problem(int resolution, double cRe, double cIm, double bound, double zMax, int nMax) {

        /** As {@code JuliaParams} prints itself: {@code resolution=200 c=0.322+0.05i bound=1.5 z_max=4.0 n_max=1000}. */
        @Override
        public String toString() {
            return "resolution=" + resolution + " c=" + new Complex(cRe, cIm) + " bound=" + bound + " z_max=" + zMax + " n_max=" + nMax;
        }
    }

    /** What identifies a configuration across files. Immutable. */
    public record Key(Problem problem, String strategy, String kernel, int threads, String schedule) {

        /** As {@code Configuration.label()} spells it, e.g. {@code forkjoin/scalar/2t/dynamic:1}. */
        public String label() {
            return strategy + "/" + kernel + "/" + threads + "t/" + schedule;
        }

        /** The label and the problem, for messages. */
        @Override
        public String toString() {
            return label() + " on " + problem;
        }
    }

    /**
     * One configuration's result. Immutable.
     *
     * @param key       the configuration
     * @param samplesMs the measured samples in milliseconds, each finite and positive; empty only when not identical
     * @param sha256    the grid's digest
     * @param identical whether the result matched the sequential reference
     */
    public record Entry(Key key, List<Double> samplesMs, String sha256, boolean identical) {

        /** Copies the list. */
        public Entry {
            samplesMs = List.copyOf(samplesMs);
        }
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
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String why = e.getOriginalMessage().replaceAll("\\[Source: [^\\]]*?(line: \\d+, column: \\d+)\\]", "$1");
            throw new InvalidInputException(parameter, name + " is not valid JSON: " + why
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new InvalidInputException(parameter, name + " cannot be read: " + e.getMessage());
        }
        Fields fields = new Fields(parameter, name);
        if (root == null || !root.isObject()) {
            throw fields.wrong("the document", "must be a JSON object");
        }
        int version = fields.whole(root, "schema_version");
        if (version != Report.SCHEMA_VERSION) {
            throw fields.wrong("schema_version", "is " + version + "; this arena reads schema_version " + Report.SCHEMA_VERSION);
        }
        JsonNode env = fields.object(root, "environment");
        Platform platform = new Platform(fields.text(env, "environment.cpu_model"), fields.whole(env, "environment.cores"),
                fields.text(env, "environment.jdk_version"), fields.text(env, "environment.jdk_vendor"));
        JsonNode array = fields.node(root, "results");
        if (!array.isArray() || array.isEmpty()) {
            throw fields.wrong("results", "must be a non-empty array");
        }
        List<Entry> entries = new ArrayList<>();
        Set<Key> keys = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            Entry entry = entry(fields, array.get(i), "results[" + i + "]");
            if (!keys.add(entry.key())) {
                throw fields.wrong("results[" + i + "]", "repeats the configuration " + entry.key());
            }
            entries.add(entry);
        }
        return new ResultsFile(file, version, platform, entries);
    }

    private static Entry entry(Fields fields, JsonNode result, String at) {
        if (!result.isObject()) {
            throw fields.wrong(at, "must be a JSON object");
        }
        String p = at + ".";
        Problem problem = new Problem(fields.whole(result, p + "resolution"), fields.number(result, p + "c_re"),
                fields.number(result, p + "c_im"), fields.number(result, p + "bound"), fields.number(result, p + "z_max"),
                fields.whole(result, p + "n_max"));
        Key key = new Key(problem, fields.text(result, p + "strategy"), fields.text(result, p + "kernel"),
                fields.whole(result, p + "threads"), fields.text(result, p + "schedule"));
        JsonNode identical = fields.node(result, p + "identical");
        if (!identical.isBoolean()) {
            throw fields.wrong(p + "identical", "must be true or false");
        }
        JsonNode samples = fields.node(result, p + "samples_ms");
        if (!samples.isArray() || (identical.booleanValue() && samples.isEmpty())) {
            throw fields.wrong(p + "samples_ms", "must be a non-empty array of milliseconds");
        }
        List<Double> samplesMs = new ArrayList<>();
        for (int s = 0; s < samples.size(); s++) {
            JsonNode sample = samples.get(s);
            if (!sample.isNumber() || !(sample.doubleValue() > 0) || !Double.isFinite(sample.doubleValue())) {
                throw fields.wrong(p + "samples_ms[" + s + "]", "must be a positive number of milliseconds, got " + sample);
            }
            samplesMs.add(sample.doubleValue());
        }
        return new Entry(key, samplesMs, fields.text(result, p + "sha256"), identical.booleanValue());
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
