package arena.bench.report;

import arena.bench.measure.Bootstrap;
import arena.bench.measure.HierarchicalBootstrap;
import arena.bench.measure.Configuration;
import arena.bench.measure.FamilyWise;
import arena.bench.measure.ForkSpread;
import arena.bench.measure.Measurement;
import arena.core.problem.JuliaParams;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The question a {@code compare} run is for, answered: for each problem and each (kernel, threads,
 * schedule) measured, the models tied for best and every other model with the ratio of its median
 * to the fastest's and that ratio's interval, taken so that the intervals of one group hold together
 * at 95% ({@link FamilyWise}): the 95% bootstrap interval widened to the level of one of the group's
 * k(k-1)/2 pairs of models (Bonferroni), and at least the Student-t interval at that level of the
 * fork spread of the kernel pooled over the report ({@link Report#forkSpread}). All pairs, not only
 * the k-1 comparisons with the fastest: the fastest is picked after looking, so its gap to the slowest
 * is the largest of all the pairs' gaps (as in Tukey's comparisons of all pairs). A model is tied for
 * best when its interval reaches down to 1: its difference from the fastest cannot be told from
 * noise. Nine models that all run alike, two forks each (BestModelsTest): at 95% per model 46% of
 * runs called one of them slower, over the eight comparisons with the fastest 5-14%, over all 36
 * pairs 0.5-4.5%. Only verified, timed configurations count; {@code sequential},
 * the reference every model is checked and sped up against, is not a contender. Immutable.
 *
 * @param groups one per problem and (kernel, threads, schedule), in the order the report first lists them
 */
public record BestModels(List<Group> groups) {

    /** The reference, not a contender. */
    private static final String REFERENCE = "sequential";

    /**
     * The models measured at one problem, kernel, thread count and schedule.
     *
     * @param tied   the fastest first, then every model that cannot be told apart from it, fastest first
     * @param others the rest, fastest first
     */
    public record Group(JuliaParams problem, String kernel, int threads, String schedule, List<Entry> tied, List<Entry> others) {

        /** Copies the lists. */
        public Group {
            tied = List.copyOf(tied);
            others = List.copyOf(others);
        }

        /** {@code vector 2T dynamic:1}. */
        public String label() {
            return kernel + " " + threads + "T " + schedule;
        }

        /** Whether one model alone ran this kernel, thread count and schedule: nothing to compare it with. */
        public boolean alone() {
            return tied.size() == 1 && others.isEmpty();
        }
    }

    /**
     * One model in a group.
     *
     * @param strategy    the model
     * @param medianMs    its median, milliseconds
     * @param ratioToBest median / the fastest's median, with its interval at the group's level (exactly 1 for the fastest)
     */
    public record Entry(String strategy, double medianMs, Bootstrap.Interval ratioToBest) {

        /** {@code virtual 1.65x [1.50, 1.80]}. */
        public String describe() {
            return String.format(Locale.ROOT, "%s %.2fx [%.2f, %.2f]", strategy, ratioToBest.estimate(), ratioToBest.low(), ratioToBest.high());
        }
    }

    /** Copies the list. */
    public BestModels {
        groups = List.copyOf(groups);
    }

    /** The answer for {@code report}'s measurements (the bootstrap seeded as every interval of the report). */
    public static BestModels of(Report report) {
        Map<String, List<Measurement>> byGroup = new LinkedHashMap<>();
        for (Measurement m : report.measurements()) {
            Configuration c = m.configuration();
            if (m.identical() && !m.samplesMs().isEmpty() && !c.strategy().equals(REFERENCE)) {
                String key = m.verification().reference().params() + "|" + c.kernel().name() + "|" + c.threads() + "|" + c.schedule().spec();
                byGroup.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
            }
        }
        List<Group> groups = new ArrayList<>();
        for (List<Measurement> members : byGroup.values()) {
            groups.add(group(members, report.forkSpread(members.get(0).configuration().kernel().name())));
        }
        return new BestModels(groups);
    }

    private static Group group(List<Measurement> members, ForkSpread spread) {
        List<Measurement> sorted = members.stream().sorted(Comparator.comparingDouble(m -> m.stats().median())).toList();
        Measurement best = sorted.get(0);
        List<Entry> tied = new ArrayList<>();
        List<Entry> others = new ArrayList<>();
        tied.add(new Entry(best.configuration().strategy(), best.stats().median(), new Bootstrap.Interval(1, 1, 1)));
        FamilyWise together = new FamilyWise(Math.max(1, sorted.size() * (sorted.size() - 1) / 2));
        for (Measurement m : sorted.subList(1, sorted.size())) {
            Bootstrap.Interval ratio = spread.guardRatio(together.widen(HierarchicalBootstrap.medianRatio(best.forkSamples(), m.forkSamples(),
                    Report.BOOTSTRAP_SEED, Bootstrap.DEFAULT_RESAMPLES)), best.forkSamples().size(), m.forkSamples().size(), together);
            Entry entry = new Entry(m.configuration().strategy(), m.stats().median(), ratio);
            (ratio.low() <= 1 ? tied : others).add(entry);
        }
        Configuration c = best.configuration();
        return new Group(best.verification().reference().params(), c.kernel().name(), c.threads(), c.schedule().spec(), tied, others);
    }

    /**
     * The answer as text lines under a heading line: one per group where models were compared, then,
     * per kernel that one model alone ran, one line naming its configurations.
     */
    String text() {
        StringBuilder text = new StringBuilder("which model (tied: the interval of the ratio to the fastest reaches 1; "
                + "a line's intervals hold together at 95%, Bonferroni):\n");
        Map<JuliaParams, List<Group>> byProblem = byProblem();
        for (Map.Entry<JuliaParams, List<Group>> problem : byProblem.entrySet()) {
            if (byProblem.size() > 1) {
                text.append("  problem: ").append(problem.getKey()).append('\n');
            }
            for (Group g : problem.getValue()) {
                if (g.alone()) {
                    continue;
                }
                text.append("  ").append(g.label()).append(": best ")
                        .append(String.join(", ", g.tied().stream().map(Entry::strategy).toList()));
                if (!g.others().isEmpty()) {
                    text.append("; then ").append(String.join(", ", g.others().stream().map(Entry::describe).toList()));
                }
                text.append('\n');
            }
            aloneByKernel(problem.getValue()).forEach((kernelAndModel, alone) -> text.append("  ").append(kernelAndModel)
                    .append(" alone (").append(configurations(alone)).append("): no other model ran this kernel\n"));
        }
        return text.toString();
    }

    /**
     * The answer as a Markdown section: one table row per group where models were compared, then a
     * sentence naming each kernel that one model alone ran, with its configurations.
     */
    String markdown() {
        StringBuilder md = new StringBuilder("\n## Which model\n\nPer kernel, thread count and schedule: the models tied for best "
                + "(the bootstrap interval of their median's ratio to the fastest's reaches 1), then every other model with "
                + "its ratio to the fastest and that interval. A row's intervals hold together at 95%: each is taken at "
                + "1 - 0.05 / (its pairs of models) (Bonferroni over all k(k-1)/2 pairs, since the fastest is picked after "
                + "looking), so that a row of models that all run alike calls one of them slower in at most about one run "
                + "in twenty.\n\n");
        md.append("| problem | kernel | threads | schedule | best (tied) | others: ratio to the best [interval] |\n");
        md.append("|---|---|---:|---|---|---|\n");
        List<String> alone = new ArrayList<>();
        Map<JuliaParams, List<Group>> byProblem = byProblem();
        byProblem.forEach((problem, problemGroups) -> {
            for (Group g : problemGroups) {
                if (!g.alone()) {
                    md.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s |%n", g.problem(), g.kernel(), g.threads(),
                            g.schedule(), String.join(", ", g.tied().stream().map(Entry::strategy).toList()),
                            String.join("; ", g.others().stream().map(Entry::describe).toList())));
                }
            }
            aloneByKernel(problemGroups).forEach((kernelAndModel, groupsAlone) -> alone.add(kernelAndModel + " ("
                    + configurations(groupsAlone) + (byProblem.size() > 1 ? "; " + problem : "") + ")"));
        });
        if (!alone.isEmpty()) {
            md.append("\nOne model alone ran these kernels, so there is nothing to compare: ").append(String.join("; ", alone)).append(".\n");
        }
        return md.toString();
    }

    /** The groups by problem, in the order the report first lists them. */
    private Map<JuliaParams, List<Group>> byProblem() {
        Map<JuliaParams, List<Group>> byProblem = new LinkedHashMap<>();
        groups.forEach(g -> byProblem.computeIfAbsent(g.problem(), p -> new ArrayList<>()).add(g));
        return byProblem;
    }

    /** The groups among {@code problemGroups} that one model ran alone, by "kernel: model", in order. */
    private static Map<String, List<Group>> aloneByKernel(List<Group> problemGroups) {
        Map<String, List<Group>> alone = new LinkedHashMap<>();
        problemGroups.stream().filter(Group::alone)
                .forEach(g -> alone.computeIfAbsent(g.kernel() + ": " + g.tied().get(0).strategy(), k -> new ArrayList<>()).add(g));
        return alone;
    }

    /** {@code 1T static, 2T dynamic:1}. */
    private static String configurations(List<Group> groups) {
        return String.join(", ", groups.stream().map(g -> g.threads() + "T " + g.schedule()).toList());
    }
}
