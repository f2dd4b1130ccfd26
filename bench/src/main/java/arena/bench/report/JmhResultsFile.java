package arena.bench.report;

import arena.core.input.InvalidInputException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A JMH result file (the JSON array JMH writes with {@code -rf json}), read for {@code arena diff}:
 * each benchmark entry with its mode, score unit, parameters and {@code primaryMetric.rawData}, one
 * array of iteration scores per fork. {@link #read} refuses an entry it cannot use with an
 * {@link InvalidInputException} naming the parameter, the file and the field. Also reads the
 * environment sidecar {@code NAME.env.json} that {@code arena jmh} writes beside it, when there is
 * one. Immutable; safe to share between threads.
 *
 * @param path        the file it was read from
 * @param benchmarks  one entry per benchmark and parameter set, in the file's order
 * @param environment the sidecar's {@code environment} fields that two files must share
 *                    ({@code cpu_model}, {@code cores}, {@code jdk_version}, {@code jdk_vendor}); empty without a sidecar
 */
public record JmhResultsFile(Path path, List<Benchmark> benchmarks, Map<String, String> environment) {

    /** The sidecar fields two files must share, as {@code arena compare}'s files must. */
    private static final List<String> SHARED_ENVIRONMENT = List.of("cpu_model", "cores", "jdk_version", "jdk_vendor");

    /** Copies the collections. */
    public JmhResultsFile {
        benchmarks = List.copyOf(benchmarks);
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    /**
     * One benchmark run with one parameter set. Immutable.
     *
     * @param name       the benchmark's method, e.g. {@code arena.bench.jmh.ComputeBenchmark.compute}
     * @param params     its parameters, sorted by name; empty when it has none
     * @param mode       JMH's mode: {@code avgt}, {@code sample}, {@code ss} or {@code thrpt}
     * @param unit       the score's unit, e.g. {@code ms/op} or {@code ops/s}
     * @param forks      each fork's iteration scores, in {@code unit}
     * @param jvm        the fields {@code jvm} (its path), {@code jdkVersion} and {@code vmVersion} JMH recorded, by name; those absent left out
     */
    public record Benchmark(String name, Map<String, String> params, String mode, String unit, List<List<Double>> forks, Map<String, String> jvm) {

        /** Copies the collections. */
        public Benchmark {
            params = Collections.unmodifiableMap(new TreeMap<>(params));
            forks = forks.stream().map(List::copyOf).toList();
            jvm = Collections.unmodifiableMap(new LinkedHashMap<>(jvm));
        }

        /** The name and parameters, as {@code ComputeBenchmark.compute(threads=2, strategy=threads)}: how a diff pairs entries. */
        public String label() {
            String shortName = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            List<String> pairs = new ArrayList<>();
            params.forEach((k, v) -> pairs.add(k + "=" + v));
            return shortName + (pairs.isEmpty() ? "" : "(" + String.join(", ", pairs) + ")");
        }

        /** Whether a bigger score is faster: throughput; every other mode scores time per operation. */
        public boolean biggerIsFaster() {
            return mode.equals("thrpt");
        }
    }

    /**
     * Whether {@code file} holds a JSON array, as JMH writes, rather than a results.json object; empty
     * when it is unreadable or not JSON, which its reader then reports.
     */
    public static Optional<Boolean> isJmhFile(Path file) {
        try {
            return Optional.of(ReportJson.MAPPER.readTree(file.toFile()).isArray());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Reads and checks {@code file} and its sidecar.
     *
     * @param parameter the command-line parameter it came from, for messages
     * @throws InvalidInputException naming {@code parameter} and the file when it is unreadable, not a JMH
     *                               JSON array, or an entry lacks its mode, unit or per-fork raw data
     */
    public static JmhResultsFile read(Path file, String parameter) {
        String name = parameter + " " + file;
        JsonNode root = tree(file, parameter, name);
        if (!root.isArray() || root.isEmpty()) {
            throw new InvalidInputException(parameter, name + " is not a JMH result file: it must be a non-empty JSON array (-rf json)");
        }
        List<Benchmark> benchmarks = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            benchmarks.add(benchmark(root.get(i), parameter, name + ": [" + i + "]"));
        }
        return new JmhResultsFile(file, benchmarks, sidecar(file, parameter));
    }

    /** The sidecar {@code arena jmh} writes: {@code dir/jmh.json} has {@code dir/jmh.env.json}. */
    static Path sidecarOf(Path file) {
        String fileName = file.getFileName().toString();
        int extension = fileName.lastIndexOf('.');
        String stem = extension > 0 ? fileName.substring(0, extension) : fileName;
        return file.resolveSibling(stem + ".env.json");
    }

    private static Map<String, String> sidecar(Path file, String parameter) {
        Path sidecar = sidecarOf(file);
        if (!Files.isRegularFile(sidecar)) {
            return Map.of();
        }
        JsonNode environment = tree(sidecar, parameter, parameter + "'s sidecar " + sidecar).path("environment");
        Map<String, String> shared = new LinkedHashMap<>();
        for (String field : SHARED_ENVIRONMENT) {
            if (environment.hasNonNull(field)) {
                shared.put(field, environment.get(field).asText());
            }
        }
        return shared;
    }

    private static JsonNode tree(Path file, String parameter, String name) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InvalidInputException(parameter, name + " is not a readable file");
        }
        try {
            return ReportJson.MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(parameter, name + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidInputException(parameter, name + " cannot be read: " + e.getMessage());
        }
    }

    private static Benchmark benchmark(JsonNode entry, String parameter, String at) {
        String benchmark = text(entry, "benchmark", parameter, at);
        String mode = text(entry, "mode", parameter, at);
        JsonNode metric = entry.path("primaryMetric");
        String unit = text(metric, "scoreUnit", parameter, at + ".primaryMetric");
        JsonNode raw = metric.path("rawData");
        if (!raw.isArray() || raw.isEmpty()) {
            throw new InvalidInputException(parameter, at + ".primaryMetric.rawData must be a non-empty array of forks (one array of "
                    + "iteration scores each)");
        }
        List<List<Double>> forks = new ArrayList<>();
        for (int f = 0; f < raw.size(); f++) {
            JsonNode fork = raw.get(f);
            List<Double> scores = new ArrayList<>();
            for (JsonNode score : fork) {
                if (!score.isNumber() || !(score.doubleValue() > 0) || !Double.isFinite(score.doubleValue())) {
                    throw new InvalidInputException(parameter, at + ".primaryMetric.rawData[" + f + "] must hold positive scores, got " + score);
                }
                scores.add(score.doubleValue());
            }
            if (!fork.isArray() || scores.isEmpty()) {
                throw new InvalidInputException(parameter, at + ".primaryMetric.rawData[" + f + "] must be a non-empty array of scores");
            }
            forks.add(scores);
        }
        Map<String, String> params = new LinkedHashMap<>();
        entry.path("params").properties().forEach(p -> params.put(p.getKey(), p.getValue().asText()));
        Map<String, String> jvm = new LinkedHashMap<>();
        for (String field : List.of("jvm", "jdkVersion", "vmVersion")) {
            Optional.ofNullable(entry.get(field)).filter(JsonNode::isTextual).ifPresent(v -> jvm.put(field, v.asText()));
        }
        return new Benchmark(benchmark, params, mode, unit, forks, jvm);
    }

    private static String text(JsonNode node, String field, String parameter, String at) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new InvalidInputException(parameter, at + "." + field + " must be a non-empty string");
        }
        return value.asText();
    }
}
