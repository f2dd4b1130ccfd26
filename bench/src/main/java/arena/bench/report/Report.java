package arena.bench.report;

import arena.bench.measure.Bootstrap;
import arena.bench.measure.Configuration;
import arena.bench.measure.Environment;
import arena.bench.measure.Measurement;
import arena.bench.measure.Stats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The outcome of a {@code compare} run, with its environment, in the forms people and programs read:
 * a terminal table, JSON (every sample kept), CSV and Markdown. Immutable.
 *
 * @param environment  where it was measured
 * @param measurements every configuration, baselines included, grouped by problem and sorted by median
 * @param skipped      combinations of the selection that were not run, and why
 */
public record Report(Environment environment, List<Measurement> measurements, List<String> skipped) {

    /** The version of the results.json layout. */
    public static final int SCHEMA_VERSION = 1;

    /** The columns of {@link #rows()}, in order. */
    static final List<String> COLUMNS = List.of("resolution", "c_re", "c_im", "bound", "z_max", "n_max", "strategy", "kernel",
            "threads", "schedule", "samples", "median_ms", "ci_low_ms", "ci_high_ms", "min_ms", "max_ms", "mean_ms", "cv", "noisy",
            "speedup", "efficiency", "mpixels_per_s", "iterations_per_s", "imbalance", "idle_share", "sha256", "identical");

    /**
     * A configuration is too noisy to rank when the 95% confidence interval of its median reaches
     * more than this share of the median on either side: differences smaller than that (the default
     * threshold of {@code arena diff}) cannot be told from noise.
     */
    public static final double NOISY_HALF_WIDTH = 0.05;

    /** The seed of the bootstrap behind every confidence interval, so reports are reproducible. */
    static final long BOOTSTRAP_SEED = 42;

    /** Copies the lists. */
    public Report {
        measurements = List.copyOf(measurements);
        skipped = List.copyOf(skipped);
    }

    /** Whether every configuration's result was identical to the reference. */
    public boolean allIdentical() {
        return measurements.stream().allMatch(Measurement::identical);
    }

    /** One flat row per measurement, keyed by {@link #COLUMNS}; timing fields are null for a wrong result. */
    public List<Map<String, Object>> rows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Measurement m : measurements) {
            Configuration c = m.configuration();
            Map<String, Object> row = ProblemFields.of(m.verification().reference().params());
            row.put("strategy", c.strategy());
            row.put("kernel", c.kernel().name());
            row.put("threads", c.threads());
            row.put("schedule", c.schedule().spec());
            row.put("samples", m.samplesMs().size());
            boolean timed = m.identical();
            Stats s = timed ? m.stats() : null;
            row.put("median_ms", timed ? round(s.median()) : null);
            Bootstrap.Interval ci = timed ? medianInterval(m) : null;
            row.put("ci_low_ms", timed ? round(ci.low()) : null);
            row.put("ci_high_ms", timed ? round(ci.high()) : null);
            row.put("min_ms", timed ? round(s.min()) : null);
            row.put("max_ms", timed ? round(s.max()) : null);
            row.put("mean_ms", timed ? round(s.mean()) : null);
            row.put("cv", timed ? round(s.cv()) : null);
            row.put("noisy", timed ? noisy(m) : null);
            row.put("speedup", timed ? round(m.speedup()) : null);
            row.put("efficiency", timed ? round(m.efficiency()) : null);
            row.put("mpixels_per_s", timed ? round(m.megapixelsPerSecond()) : null);
            row.put("iterations_per_s", timed ? (double) Math.round(m.iterationsPerSecond()) : null);
            row.put("imbalance", m.timeline() == null ? null : round(m.timeline().imbalance()));
            row.put("idle_share", m.timeline() == null ? null : round(m.timeline().idleShare()));
            row.put("sha256", m.verification().sha256());
            row.put("identical", m.identical());
            rows.add(row);
        }
        return rows;
    }

    /** The results.json document: {@code schema_version}, {@code environment}, {@code results}, every sample included. */
    public Map<String, Object> toJson() {
        List<Map<String, Object>> results = new ArrayList<>();
        List<Map<String, Object>> rows = rows();
        for (int i = 0; i < rows.size(); i++) {
            Measurement m = measurements.get(i);
            Map<String, Object> result = new LinkedHashMap<>(rows.get(i));
            result.put("samples_ms", m.samplesMs().stream().map(Report::round).toList());
            m.verification().difference().ifPresent(d -> result.put("first_difference", d.toString()));
            results.add(result);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schema_version", SCHEMA_VERSION);
        json.put("environment", environment.toJson());
        json.put("results", results);
        json.put("skipped", skipped);
        json.put("all_identical", allIdentical());
        return json;
    }

    /** The terminal table: one block per problem, sorted by median. */
    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append(environment.oneLine()).append('\n');
        String format = "%-13s %-11s %3s %-10s %4s %9s %17s %9s %9s %5s %8s %6s %8s %8s  %s%n";
        Object problem = null;
        for (Measurement m : measurements) {
            var params = m.verification().reference().params();
            if (!params.equals(problem)) {
                problem = params;
                text.append('\n').append("problem: ").append(params).append('\n');
                text.append(String.format(Locale.ROOT, format, "strategy", "kernel", "thr", "schedule", "n", "median_ms", "95% CI",
                        "min_ms", "max_ms", "cv", "speedup", "effic", "Mpx/s", "Giter/s", "identical"));
            }
            Configuration c = m.configuration();
            if (m.identical()) {
                Stats s = m.stats();
                Bootstrap.Interval ci = medianInterval(m);
                text.append(String.format(Locale.ROOT, format, c.strategy(), c.kernel().name(), c.threads(), c.schedule().spec(),
                        m.samplesMs().size(), f1(s.median()), "[" + f1(ci.low()) + ", " + f1(ci.high()) + "]", f1(s.min()), f1(s.max()),
                        pct(s.cv()), f2(m.speedup()), pct(m.efficiency()), f1(m.megapixelsPerSecond()), f2(m.iterationsPerSecond() / 1e9),
                        (noisy(m) ? "yes (noisy)" : "yes") + timelineNote(m)));
            } else {
                text.append(String.format(Locale.ROOT, format, c.strategy(), c.kernel().name(), c.threads(), c.schedule().spec(),
                        0, "-", "-", "-", "-", "-", "-", "-", "-", "-", "NO: " + m.verification().problemDescription()));
            }
        }
        skipped.forEach(note -> text.append("skipped: ").append(note).append('\n'));
        if (measurements.stream().anyMatch(m -> m.identical() && noisy(m))) {
            text.append(String.format(Locale.ROOT, "noisy: the 95%% CI of the median reaches beyond +-%.0f%%; do not rank those rows "
                    + "on differences that small (more --repeat, a quieter machine)%n", NOISY_HALF_WIDTH * 100));
        }
        text.append('\n').append(allIdentical() ? "all results identical to the sequential reference"
                : "DIFFERENCES FOUND: the rows marked NO were not timed").append('\n');
        return text.toString();
    }

    /** results.csv: a header of {@link #COLUMNS} plus {@code samples_ms} (semicolon-separated), one line per configuration. */
    public String toCsv() {
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append(",samples_ms\n");
        List<Map<String, Object>> rows = rows();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            csv.append(COLUMNS.stream().map(k -> row.get(k) == null ? "" : String.valueOf(row.get(k))).collect(Collectors.joining(",")));
            csv.append(',').append(measurements.get(i).samplesMs().stream().map(v -> String.valueOf(round(v))).collect(Collectors.joining(";")));
            csv.append('\n');
        }
        return csv.toString();
    }

    /** report.md: the environment, one table per problem, and the charts. */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder("# Concurrency Arena: compare\n\n");
        md.append("Environment: ").append(environment.oneLine()).append("\n\n");
        md.append("Median of the measured samples; speed-up over `sequential` at 1 thread with the same kernel; "
                + "efficiency = speed-up / threads. Every result was verified against the sequential reference before timing.\n");
        Object problem = null;
        for (Measurement m : measurements) {
            var params = m.verification().reference().params();
            if (!params.equals(problem)) {
                problem = params;
                md.append("\n## ").append(params).append("\n\n");
                md.append("| strategy | kernel | threads | schedule | samples | median ms | 95% CI | min ms | max ms | cv | speed-up | efficiency | identical |\n");
                md.append("|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
            }
            Configuration c = m.configuration();
            if (m.identical()) {
                Stats s = m.stats();
                Bootstrap.Interval ci = medianInterval(m);
                md.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %d | %s | %s–%s | %s | %s | %s | %s | %s | %s |%n", c.strategy(),
                        c.kernel().name(), c.threads(), c.schedule().spec(), m.samplesMs().size(), f1(s.median()), f1(ci.low()), f1(ci.high()),
                        f1(s.min()), f1(s.max()), pct(s.cv()), f2(m.speedup()), pct(m.efficiency()),
                        (noisy(m) ? "yes (noisy)" : "yes") + timelineNote(m)));
            } else {
                md.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | 0 | | | | | | | | NO: %s |%n", c.strategy(), c.kernel().name(),
                        c.threads(), c.schedule().spec(), m.verification().problemDescription()));
            }
        }
        if (!skipped.isEmpty()) {
            md.append("\nSkipped:\n\n");
            skipped.forEach(note -> md.append("- ").append(note).append('\n'));
        }
        md.append("\n![median time per configuration](").append(ReportFiles.TIMES_CHART).append(")\n");
        md.append("\n![speed-up versus threads](").append(ReportFiles.SPEEDUP_CHART).append(")\n");
        return md.toString();
    }

    /** The recorded run's imbalance and idle share, for the tables; empty when not recorded. */
    private static String timelineNote(Measurement m) {
        return m.timeline() == null ? "" : String.format(Locale.ROOT, ", imbalance %.2f, idle %.0f%%", m.timeline().imbalance(),
                m.timeline().idleShare() * 100);
    }

    /** The 95% bootstrap confidence interval of {@code m}'s median. */
    static Bootstrap.Interval medianInterval(Measurement m) {
        return Bootstrap.median(m.samplesMs(), BOOTSTRAP_SEED, Bootstrap.DEFAULT_RESAMPLES);
    }

    /** Whether {@code m}'s median is too uncertain to rank (see {@link #NOISY_HALF_WIDTH}). */
    static boolean noisy(Measurement m) {
        Bootstrap.Interval ci = medianInterval(m);
        double median = m.stats().median();
        return ci.high() > median * (1 + NOISY_HALF_WIDTH) || ci.low() < median * (1 - NOISY_HALF_WIDTH);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static String f1(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String f2(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String pct(double value) {
        return String.format(Locale.ROOT, "%.0f%%", value * 100);
    }
}
