package arena.bench.report;

import arena.bench.measure.FamilyWise;
import arena.bench.report.Diff.Pair;
import arena.bench.report.Diff.Verdict;
import arena.bench.report.ResultsDocument.Key;
import arena.core.problem.JuliaParams;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
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
            StringBuilder out = header(diff.baseline(), diff.current(), "", diff.environmentChanges());
            diff.forkNotes().forEach(n -> out.append(n).append('\n'));
            diff.machineNotes().forEach(n -> out.append(n).append('\n'));
            diff.spreadNote().ifPresent(n -> out.append(n).append('\n'));
            out.append(rule(diff)).append('\n');
            String row = "%-13s %-11s %3s %-10s %11s %11s %7s  %-16s  %s%n";
            byProblem(diff).forEach((problem, pairs) -> {
                out.append('\n').append("problem: ").append(problem).append('\n');
                out.append(String.format(Locale.ROOT, row, "strategy", "kernel", "thr", "schedule", "baseline_ms", "current_ms", "ratio",
                        "interval", "verdict"));
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

        @Override
        public String render(JmhDiff diff) {
            StringBuilder out = header(diff.baseline(), diff.current(), " (JMH)", diff.environmentChanges());
            out.append(jmhRule(diff)).append("\n\n");
            String row = "%-50s %-6s %-8s %12s %12s %7s  %-16s  %s%n";
            out.append(String.format(Locale.ROOT, row, "benchmark", "mode", "unit", "baseline", "current", "ratio", "interval", "verdict"));
            for (JmhDiff.Pair p : diff.pairs()) {
                out.append(String.format(Locale.ROOT, row, p.label(), p.mode(), p.unit(), score(p.baselineScore()), score(p.currentScore()),
                        ratio(p.ratio().estimate()), "[" + ratio(p.ratio().low()) + ", " + ratio(p.ratio().high()) + "]", p.verdict().word()));
            }
            out.append('\n');
            diff.onlyInBaseline().forEach(k -> out.append("only in baseline: ").append(k).append('\n'));
            diff.onlyInCurrent().forEach(k -> out.append("only in current: ").append(k).append('\n'));
            return out.append(jmhSummary(diff)).append('\n').toString();
        }
    },
    /** One JSON document: the files, the threshold, every pair and the unpaired configurations. */
    json {
        @Override
        public String render(Diff diff) {
            List<PairJson> pairs = diff.pairs().stream().map(p -> new PairJson(p.key(), round(p.baselineMedian(), 1e3),
                    round(p.currentMedian(), 1e3), round(p.ratio().estimate(), 1e4), round(p.ratio().low(), 1e4),
                    round(p.ratio().high(), 1e4), p.verdict().word())).toList();
            return ReportJson.write(new DiffJson(diff.baseline().toString(), diff.current().toString(), diff.threshold(), diff.seed(),
                    round(diff.familyWise().pairLevel(), 1e6), diff.environmentChanges(), diff.forkNotes(), diff.machineNotes(), spreadsJson(diff), pairs, diff.onlyInBaseline(), diff.onlyInCurrent(), diff.count(Verdict.SLOWER),
                    diff.count(Verdict.FASTER), diff.count(Verdict.INCONCLUSIVE))) + "\n";
        }

        @Override
        public String render(JmhDiff diff) {
            List<JmhPairJson> pairs = diff.pairs().stream().map(p -> new JmhPairJson(p.label(), p.mode(), p.unit(),
                    p.baselineScore(), p.currentScore(), round(p.ratio().estimate(), 1e4), round(p.ratio().low(), 1e4),
                    round(p.ratio().high(), 1e4), p.inverted(), p.verdict().word())).toList();
            return ReportJson.write(new JmhDiffJson("jmh", diff.baseline().toString(), diff.current().toString(), diff.threshold(),
                    diff.seed(), round(diff.familyWise().pairLevel(), 1e6), diff.environmentChanges(), pairs, diff.onlyInBaseline(), diff.onlyInCurrent(), diff.count(Verdict.SLOWER),
                    diff.count(Verdict.FASTER), diff.count(Verdict.INCONCLUSIVE))) + "\n";
        }
    },
    /** A Markdown section for a pull request or a CI summary: one table per problem. */
    markdown {
        @Override
        public String render(Diff diff) {
            StringBuilder md = markdownHeader("diff", diff.baseline(), diff.current(), rule(diff) + ".", diff.environmentChanges());
            diff.forkNotes().forEach(n -> md.append("\n").append(n).append('\n'));
            diff.machineNotes().forEach(n -> md.append("\n").append(n).append('\n'));
            diff.spreadNote().ifPresent(n -> md.append("\n").append(n).append('\n'));
            byProblem(diff).forEach((problem, pairs) -> {
                md.append("\n## ").append(problem).append("\n\n");
                md.append("| strategy | kernel | threads | schedule | baseline ms | current ms | ratio | interval | verdict |\n");
                md.append("|---|---|---:|---|---:|---:|---:|---|---|\n");
                for (Pair p : pairs) {
                    Key k = p.key();
                    String verdict = markdownVerdict(p.verdict());
                    md.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s | [%s, %s] | %s |%n", k.strategy(), k.kernel(),
                            k.threads(), k.schedule(), ms(p.baselineMedian()), ms(p.currentMedian()), ratio(p.ratio().estimate()),
                            ratio(p.ratio().low()), ratio(p.ratio().high()), verdict));
                }
            });
            unpaired(md, "Only in baseline", diff.onlyInBaseline());
            unpaired(md, "Only in current", diff.onlyInCurrent());
            return md.append('\n').append(summary(diff)).append('\n').toString();
        }

        @Override
        public String render(JmhDiff diff) {
            StringBuilder md = markdownHeader("diff of JMH results", diff.baseline(), diff.current(), jmhRule(diff), diff.environmentChanges());
            md.append("\n| benchmark | mode | unit | baseline | current | ratio | interval | verdict |\n");
            md.append("|---|---|---|---:|---:|---:|---|---|\n");
            for (JmhDiff.Pair p : diff.pairs()) {
                String verdict = markdownVerdict(p.verdict());
                md.append(String.format(Locale.ROOT, "| `%s` | %s | %s | %s | %s | %s | [%s, %s] | %s |%n", p.label(), p.mode(), p.unit(),
                        score(p.baselineScore()), score(p.currentScore()), ratio(p.ratio().estimate()), ratio(p.ratio().low()),
                        ratio(p.ratio().high()), verdict));
            }
            if (!diff.onlyInBaseline().isEmpty() || !diff.onlyInCurrent().isEmpty()) {
                md.append('\n');
                diff.onlyInBaseline().forEach(k -> md.append("- only in baseline: `").append(k).append("`\n"));
                diff.onlyInCurrent().forEach(k -> md.append("- only in current: `").append(k).append("`\n"));
            }
            return md.append('\n').append(jmhSummary(diff)).append('\n').toString();
        }
    };

    /** Reads {@code --format} by {@link arena.core.input.Names}' rule (case ignored). Stateless. */
    public static final class Converter implements picocli.CommandLine.ITypeConverter<DiffFormat> {
        @Override
        public DiffFormat convert(String value) {
            return ReportFormat.byName(value, List.of(values()));
        }
    }

    /** The whole document, ending with a line break. */
    public abstract String render(Diff diff);

    /** The whole document for two JMH result files, ending with a line break. */
    public abstract String render(JmhDiff diff);

    /** The text format's first lines: both files, each followed by {@code kind}, and the allowed environment changes. */
    private static StringBuilder header(java.nio.file.Path baseline, java.nio.file.Path current, String kind, List<String> changes) {
        StringBuilder out = new StringBuilder();
        out.append("baseline: ").append(baseline).append(kind).append('\n');
        out.append("current:  ").append(current).append(kind).append('\n');
        changes.forEach(c -> out.append("environment changed (--allow-env-change): ").append(c).append('\n'));
        return out;
    }

    /** The Markdown format's title, both files, the verdict rule and the allowed environment changes. */
    private static StringBuilder markdownHeader(String title, java.nio.file.Path baseline, java.nio.file.Path current, String rule,
                                                List<String> changes) {
        StringBuilder md = new StringBuilder("# Concurrency Arena: ").append(title).append("\n\n");
        md.append("Baseline `").append(baseline).append("`, current `").append(current).append("`. ");
        md.append(rule).append('\n');
        changes.forEach(c -> md.append("\nEnvironment changed (allowed): ").append(c).append('\n'));
        return md;
    }

    /** A verdict in a Markdown table, a change in bold. */
    private static String markdownVerdict(Verdict verdict) {
        return verdict == Verdict.SLOWER || verdict == Verdict.FASTER ? "**" + verdict.word() + "**" : verdict.word();
    }

    private static String jmhRule(JmhDiff diff) {
        return String.format(Locale.ROOT, "Scores are the medians of the forks' medians; the ratio is time-like (above 1 is slower): "
                + "current / baseline for time modes%s. Verdict: slower or faster when the %s hierarchical bootstrap interval (JMH's "
                + "forks, then the iterations within each; at least the Student-t interval of the forks' pooled spread at that level) excludes 1 and the ratio is beyond 1 ± %s, same when it lies within 1 ± %s, "
                + "else inconclusive (seed %d).", diff.anyInverted() ? ", baseline / current for thrpt (a bigger throughput is faster)" : "",
                level(diff.familyWise()), pct(diff.threshold()), pct(diff.threshold()), diff.seed());
    }

    private static String jmhSummary(JmhDiff diff) {
        return summary(diff::count, diff.threshold(), diff.onlyInBaseline().size(), diff.onlyInCurrent().size());
    }

    /** A JMH score to four significant digits at least. */
    private static String score(double value) {
        return String.format(Locale.ROOT, value >= 1000 ? "%.1f" : "%.4g", value);
    }

    private static String rule(Diff diff) {
        return String.format(Locale.ROOT, "Verdict: slower or faster when the %s hierarchical bootstrap interval (forks, then samples "
                + "within each, at least the Student-t interval of the pooled fork spread at that level) of median(current) / median(baseline) "
                + "excludes 1 and the ratio is beyond 1 ± %s, same when it lies within 1 ± %s, else inconclusive (seed %d)",
                level(diff.familyWise()), pct(diff.threshold()), pct(diff.threshold()), diff.seed());
    }

    /**
     * The level of a diff's intervals in words: {@code 95%} for one pair; for more, that all hold
     * together at 95% and what that makes of each.
     */
    static String level(FamilyWise together) {
        return together.pairs() == 1 ? "95%" : String.format(Locale.ROOT, "%.2f%% (so that all %d pairs hold together at 95%%, "
                + "Bonferroni: each pair's 95%% bootstrap interval widened %.2fx in log space)", 100 * together.pairLevel(), together.pairs(),
                together.scale());
    }

    private static String summary(Diff diff) {
        return summary(diff::count, diff.threshold(), diff.onlyInBaseline().size(), diff.onlyInCurrent().size());
    }

    private static String summary(java.util.function.ToLongFunction<Verdict> count, double threshold, int onlyInBaseline, int onlyInCurrent) {
        long inconclusive = count.applyAsLong(Verdict.INCONCLUSIVE);
        return count.applyAsLong(Verdict.SLOWER) + " slower, " + count.applyAsLong(Verdict.FASTER) + " faster, "
                + count.applyAsLong(Verdict.SAME) + " same"
                + (inconclusive == 0 ? "" : ", " + inconclusive + " inconclusive (interval wider than 1 ± " + pct(threshold) + ")") + "; "
                + onlyInBaseline + " only in baseline, " + onlyInCurrent + " only in current";
    }

    private static Map<JuliaParams, List<Pair>> byProblem(Diff diff) {
        Map<JuliaParams, List<Pair>> groups = new LinkedHashMap<>();
        diff.pairs().forEach(p -> groups.computeIfAbsent(p.key().problem(), x -> new ArrayList<>()).add(p));
        return groups;
    }

    private static void unpaired(StringBuilder md, String title, List<Key> keys) {
        if (!keys.isEmpty()) {
            md.append('\n').append(title).append(":\n\n");
            keys.forEach(k -> md.append("- `").append(k.label()).append("` on ").append(k.problem()).append('\n'));
        }
    }

    /** Each kernel's known fork spread (as a share, e.g. 0.12) and its degrees of freedom, for the JSON form. */
    private static Map<String, SpreadJson> spreadsJson(Diff diff) {
        Map<String, SpreadJson> spreads = new LinkedHashMap<>();
        diff.spreads().forEach((kernel, spread) -> {
            if (spread.known()) {
                spreads.put(kernel, new SpreadJson(round(Math.expm1(spread.sigma()), 1e4), spread.degreesOfFreedom()));
            }
        });
        return spreads;
    }

    /** A kernel's pooled fork spread in the JSON form of a diff. */
    private record SpreadJson(double spread, int degreesOfFreedom) {
    }

    /** The JSON form of a diff: the files, the threshold and seed, the level of every interval, every pair, the unpaired keys and the counts. */
    private record DiffJson(String baseline, String current, double threshold, long seed, double intervalLevel, List<String> environmentChanges,
                            List<String> forkNotes, List<String> machineNotes, Map<String, SpreadJson> forkSpreads, List<PairJson> pairs, List<Key> onlyInBaseline, List<Key> onlyInCurrent, long slower, long faster,
                            long inconclusive) {
    }

    /** The JSON form of a pair: its key's fields, both medians, the ratio with its interval, and the verdict. */
    private record PairJson(@JsonUnwrapped Key key, double baselineMedianMs, double currentMedianMs, double ratio, double ciLow,
                            double ciHigh, String verdict) {
    }

    /** The JSON form of a JMH diff: {@code "kind": "jmh"}, the files, the threshold and seed, the level of every interval, every pair, the unpaired labels and the counts. */
    private record JmhDiffJson(String kind, String baseline, String current, double threshold, long seed, double intervalLevel,
                               List<String> environmentChanges,
                               List<JmhPairJson> pairs, List<String> onlyInBaseline, List<String> onlyInCurrent, long slower, long faster,
                               long inconclusive) {
    }

    /** The JSON form of a JMH pair: its label, mode and unit, both scores, the time-like ratio with its interval, and the verdict. */
    private record JmhPairJson(String benchmark, String mode, String unit, double baselineScore, double currentScore, double ratio,
                               double ciLow, double ciHigh, boolean inverted, String verdict) {
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

    static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.4g%%", fraction * 100).replaceAll("\\.?0+%$", "%");
    }
}
