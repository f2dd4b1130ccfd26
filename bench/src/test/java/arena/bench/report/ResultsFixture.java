package arena.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.DoubleUnaryOperator;

/**
 * Real results.json files of {@code arena compare --out} (two runs of the same selection, trimmed to
 * five configurations), loaded as Jackson trees that a test edits and writes to its temporary folder.
 */
public final class ResultsFixture {

    public static final ObjectMapper JSON = new ObjectMapper();

    /** The first real run. */
    public static final String BASELINE = "baseline.json";
    /** A second real run of the same selection on the same machine. */
    public static final String CURRENT = "current.json";

    private ResultsFixture() {
    }

    /** A fresh, editable copy of the fixture {@code name}. */
    public static ObjectNode load(String name) {
        try (InputStream in = ResultsFixture.class.getResourceAsStream("/arena/bench/diff/" + name)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code document} to {@code dir/name} and returns the path. */
    public static Path write(Path dir, String name, JsonNode document) {
        Path file = dir.resolve(name);
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The fixture {@code name} written unchanged to {@code dir}. */
    public static Path copy(Path dir, String name) {
        return write(dir, name, load(name));
    }

    /** The results array. */
    public static ArrayNode results(ObjectNode document) {
        return (ArrayNode) document.get("results");
    }

    /** The result of one configuration; fails when the document lacks it. */
    public static ObjectNode result(ObjectNode document, String strategy, int threads, String schedule) {
        for (JsonNode result : results(document)) {
            if (result.get("strategy").asText().equals(strategy) && result.get("threads").asInt() == threads
                    && result.get("schedule").asText().equals(schedule)) {
                return (ObjectNode) result;
            }
        }
        throw new AssertionError("no result for " + strategy + "/" + threads + "t/" + schedule);
    }

    /** Replaces every sample of {@code result} by {@code change} applied to it. */
    public static void mapSamples(ObjectNode result, DoubleUnaryOperator change) {
        ArrayNode samples = (ArrayNode) result.get("samples_ms");
        for (int i = 0; i < samples.size(); i++) {
            samples.set(i, JSON.getNodeFactory().numberNode(change.applyAsDouble(samples.get(i).asDouble())));
        }
    }

    /**
     * Makes {@code result} a forked one: its samples twice over, the first copy as fork 0 and the
     * second as fork 1 with {@code secondFork} applied (a JVM that ran slower or faster throughout).
     */
    public static void twoForks(ObjectNode result, DoubleUnaryOperator secondFork) {
        ArrayNode samples = (ArrayNode) result.get("samples_ms");
        ArrayNode forks = JSON.createArrayNode();
        int n = samples.size();
        for (int i = 0; i < n; i++) {
            forks.add(0);
        }
        for (int i = 0; i < n; i++) {
            samples.add(secondFork.applyAsDouble(samples.get(i).asDouble()));
            forks.add(1);
        }
        result.set("sample_forks", forks);
        result.put("samples", samples.size());
    }
}
