package arena.bench.report;

import arena.bench.report.Diff.Pair;
import arena.bench.report.Diff.Verdict;
import arena.bench.report.ResultsFile.Key;
import arena.bench.report.ResultsFile.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How {@code arena diff} prints a {@link Diff}: each constant renders the whole document. Stateless;
 * safe to use from any thread.
 */
public enum DiffFormat {
    /** Aligned text for a terminal: one table per problem, then the unpaired configurations and a summary. */
    text {
        @Override
        public String render(Diff diff) {
            StringBuilder out = new StringBuilder();
            out.append("baseline: ").append(diff.baseline()).append('\n');
            out.append("current:  ").append(diff.current()).append('\n');
            diff.environmentChanges().forEach(c -> out.append("environment changed (--allow-env-change): ").append(c).append('\n'));
            out.append(rule(diff)).append('\n');
            String row = "%-13s %-11s %3s %-10s %11s %11s %7s  %-16s  %s%n";
            byProblem(diff).forEach((problem, pairs) -> {
                out.append('\n').append("problem: ").append(problem).append('\n');
                out.append(String.format(Locale.ROOT, row, "strategy", "kernel", "thr", "schedule", "baseline_ms", "current_ms", "ratio",
                        "95% interval", "verdict"));
                for (Pair p : pairs) {
                    Key k = p.key();
                    out.append(String.format(Locale.ROOT, row, k.strategy(), k.kernel(), k.threads(), k.schedule(), ms(p.baselineMedian()),
                            ms(p.currentMedian()), ratio(p.ratio().estimate()), "[" + ratio(p.ratio().low()) + ", " + ratio(p.ratio().high()) + "]",
                            p.verdict().word()));
                }
            });
            out.append('\n');
            diff.onlyInBaseline().forEach(k -> out.append("only in baseline: ").append(k).append('\n'));
            diff.onlyInCurrent().forEach(k -> out.append("only in current: ").append(k).append('\n'));
            return out.append(summary(diff)).append('\n').toString();
        }
    },
    /** One JSON document: the files, the threshold, every pair and the unpaired configurations. */
    json {
        @Override
        public String render(Diff diff) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("baseline", diff.baseline().toString());
            json.put("current", diff.current().toString());
            json.put("threshold", diff.threshold());
            json.put("seed", diff.seed());
            json.put("environment_changes", diff.environmentChanges());
            List<Map<String, Object>> pairs = new ArrayList<>();
            for (Pair p : diff.pairs()) {
                Map<String, Object> fields = keyFields(p.key());
                fields.put("baseline_median_ms", round(p.baselineMedian(), 1e3));
                fields.put("current_median_ms", round(p.currentMedian(), 1e3));
                fields.put("ratio", round(p.ratio().estimate(), 1e4));
                fields.put("ci_low", round(p.ratio().low(), 1e4));
                fields.put("ci_high", round(p.ratio().high(), 1e4));
                fields.put("verdict", p.verdict().word());
                pairs.add(fields);
            }
            json.put("pairs", pairs);
            json.put("only_in_baseline", diff.onlyInBaseline().stream().map(DiffFormat::keyFields).toList());
            json.put("only_in_current", diff.onlyInCurrent().stream().map(DiffFormat::keyFields).toList());
            json.put("slower", diff.count(Verdict.SLOWER));
            json.put("faster", diff.count(Verdict.FASTER));
            return Json.write(json) + "\n";
        }
    },
    /** A Markdown section for a pull request or a CI summary: one table per problem. */
    markdown {
        @Override
        public String render(Diff diff) {
            StringBuilder md = new StringBuilder("# Concurrency Arena: diff\n\n");
            md.append("Baseline `").append(diff.baseline()).append("`, current `").append(diff.current()).append("`. ");
            md.append(rule(diff)).append(".\n");
            diff.environmentChanges().forEach(c -> md.append("\nEnvironment changed (allowed): ").append(c).append('\n'));
            byProblem(diff).forEach((problem, pairs) -> {
                md.append("\n## ").append(problem).append("\n\n");
                md.append("| strategy | kernel | threads | schedule | baseline ms | current ms | ratio | 95% interval | verdict |\n");
                md.append("|---|---|---:|---|---:|---:|---:|---|---|\n");
                for (Pair p : pairs) {
                    Key k = p.key();
                    String verdict = p.verdict() == Verdict.SAME ? "same" : "**" + p.verdict().word() + "**";
                    md.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s | [%s, %s] | %s |%n", k.strategy(), k.kernel(),
                            k.threads(), k.schedule(), ms(p.baselineMedian()), ms(p.currentMedian()), ratio(p.ratio().estimate()),
                            ratio(p.ratio().low()), ratio(p.ratio().high()), verdict));
                }
            });
            unpaired(md, "Only in baseline", diff.onlyInBaseline());
            unpaired(md, "Only in current", diff.onlyInCurrent());
            return md.append('\n').append(summary(diff)).append('\n').toString();
        }
    };

    /** Reads {@code --format} by {@link arena.core.input.Names}' rule (case ignored). Stateless. */
    public static final class Converter implements picocli.CommandLine.ITypeConverter<DiffFormat> {
        @Override
        public DiffFormat convert(String value) {
            return OutputFormat.byName(DiffFormat.class, value);
        }
    }

    /** The whole document, ending with a line break. */
    public abstract String render(Diff diff);

    private static String rule(Diff diff) {
        return String.format(Locale.ROOT, "Verdict: slower or faster when the 95%% bootstrap interval of median(current) / median(baseline) "
                + "excludes 1 and the ratio is beyond 1 ± %s (seed %d)", pct(diff.threshold()), diff.seed());
    }

    private static String summary(Diff diff) {
        return diff.count(Verdict.SLOWER) + " slower, " + diff.count(Verdict.FASTER) + " faster, " + diff.count(Verdict.SAME) + " same; "
                + diff.onlyInBaseline().size() + " only in baseline, " + diff.onlyInCurrent().size() + " only in current";
    }

    private static Map<Problem, List<Pair>> byProblem(Diff diff) {
        Map<Problem, List<Pair>> groups = new LinkedHashMap<>();
        diff.pairs().forEach(p -> groups.computeIfAbsent(p.key().problem(), x -> new ArrayList<>()).add(p));
        return groups;
    }

    private static void unpaired(StringBuilder md, String title, List<Key> keys) {
        if (!keys.isEmpty()) {
            md.append('\n').append(title).append(":\n\n");
            keys.forEach(k -> md.append("- `").append(k.label()).append("` on ").append(k.problem()).append('\n'));
        }
    }

    private static Map<String, Object> keyFields(Key key) {
        Problem problem = key.problem();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("resolution", problem.resolution());
        fields.put("c_re", problem.cRe());
        fields.put("c_im", problem.cIm());
        fields.put("bound", problem.bound());
        fields.put("z_max", problem.zMax());
        fields.put("n_max", problem.nMax());
        fields.put("strategy", key.strategy());
        fields.put("kernel", key.kernel());
        fields.put("threads", key.threads());
        fields.put("schedule", key.schedule());
        return fields;
    }

    private static double round(double value, double scale) {
        return Math.round(value * scale) / scale;
    }

    /** Milliseconds to the microsecond, rounded as the JSON rounds them. */
    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.3f", round(value, 1e3));
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.3f", round(value, 1e3));
    }

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.4g%%", fraction * 100).replaceAll("\\.?0+%$", "%");
    }
}
