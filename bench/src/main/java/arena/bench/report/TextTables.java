package arena.bench.report;

import arena.bench.measure.Bootstrap;
import arena.bench.measure.Configuration;
import arena.bench.measure.HierarchicalBootstrap;
import arena.bench.measure.MachineSpeed;
import arena.bench.measure.Measurement;
import arena.bench.measure.Stats;
import arena.bench.measure.SteadyState;
import arena.core.problem.JuliaParams;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The aligned text that {@link ReportFormat#text} prints for each kind of {@link ReportDocument}.
 * Stateless.
 */
final class TextTables {

    private TextTables() {
    }

    /** {@code compare}'s table: one block per problem, sorted by median, then the notes and the verdict. */
    static String compare(Report report) {
        StringBuilder text = new StringBuilder();
        text.append(report.environment().oneLine()).append('\n');
        text.append(methodLine(report)).append('\n');
        String format = "%-13s %-11s %3s %-10s %4s %9s %17s %6s %9s %9s %5s %8s %6s %8s %8s  %s%n";
        JuliaParams problem = null;
        for (Measurement m : report.measurements()) {
            JuliaParams params = m.verification().reference().params();
            if (!params.equals(problem)) {
                problem = params;
                text.append('\n').append("problem: ").append(params).append('\n');
                text.append(String.format(Locale.ROOT, format, "strategy", "kernel", "thr", "schedule", "n", "median_ms", "95% CI",
                        "forks±", "min_ms", "max_ms", "cv", "speedup", "effic", "Mpx/s", "Giter/s", "identical"));
            }
            Configuration c = m.configuration();
            if (m.identical()) {
                Stats s = m.stats();
                Bootstrap.Interval ci = report.medianInterval(m);
                text.append(String.format(Locale.ROOT, format, c.strategy(), c.kernel().name(), c.threads(), c.schedule().spec(),
                        m.samplesMs().size(), f1(s.median()), "[" + f1(ci.low()) + ", " + f1(ci.high()) + "]", forkSpread(m), f1(s.min()),
                        f1(s.max()),
                        pct(s.cv()), f2(m.speedup()), pct(m.efficiency()), f1(m.megapixelsPerSecond()), f2(m.iterationsPerSecond() / 1e9),
                        verdict(report, m)));
            } else {
                text.append(String.format(Locale.ROOT, format, c.strategy(), c.kernel().name(), c.threads(), c.schedule().spec(),
                        0, "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "NO: " + m.verification().problemDescription()));
            }
        }
        report.skipped().forEach(note -> text.append("skipped: ").append(note).append('\n'));
        if (report.measurements().stream().anyMatch(m -> m.identical() && report.noisy(m))) {
            text.append(String.format(Locale.ROOT, "noisy: the 95%% CI of the median reaches beyond +-%.0f%%; do not rank those rows "
                    + "on differences that small (more --repeat, a quieter machine)%n", Report.NOISY_HALF_WIDTH * 100));
        }
        text.append(steadyNote(report));
        text.append(contextNote(report));
        text.append(speedNote(report));
        BestModels best = BestModels.of(report);
        if (!best.groups().isEmpty()) {
            text.append('\n').append(best.text());
        }
        text.append('\n').append(report.allIdentical() ? "all results identical to the sequential reference"
                : "DIFFERENCES FOUND: the rows marked NO were not timed").append('\n');
        return text.toString();
    }

    /** How the run was measured, and how its warm-up ended: the line under the environment. */
    static String methodLine(Report report) {
        return "measured " + report.plan().describe() + "; warm-up until the timings are steady (at least --warmup runs)";
    }

    /**
     * The spread of a configuration's fork medians, (slowest - fastest) / median, e.g. {@code "3%"};
     * {@code "-"} for one fork.
     */
    static String forkSpread(Measurement m) {
        List<List<Double>> forks = m.forkSamples();
        if (forks.size() < 2) {
            return "-";
        }
        double[] medians = HierarchicalBootstrap.forkMedians(forks);
        double spread = (Arrays.stream(medians).max().orElseThrow() - Arrays.stream(medians).min().orElseThrow()) / m.stats().median();
        return pct(spread);
    }

    /** Which rows never reached a steady state in some fork; empty when every row did. */
    static String steadyNote(Report report) {
        List<Measurement> never = report.neverSteady();
        if (never.isEmpty()) {
            return "";
        }
        return String.format(Locale.ROOT, "never steady: %d row%s had a fork whose timings did not settle within %d warm-up runs "
                        + "(%s); their samples after that are timed anyway: read them with care%n", never.size(), never.size() == 1 ? "" : "s",
                MAX_WARMUP_SHOWN, never.stream().map(m -> m.configuration().label()).distinct().limit(5).collect(Collectors.joining(", "))
                        + (never.size() > 5 ? ", ..." : ""));
    }

    /** The steady-state rule's most warm-up runs, as the note names it. */
    private static final int MAX_WARMUP_SHOWN = SteadyState.standard(0).maxWarmup();

    /**
     * How many timed samples saw a garbage collection, JIT compilation or CPU time stolen by the
     * hypervisor, when recorded; empty otherwise. Where steal time is not accounted (not Linux) the
     * note says so rather than count none.
     */
    static String contextNote(Report report) {
        List<Measurement> recorded = report.measurements().stream().filter(m -> !m.contexts().isEmpty()).toList();
        if (recorded.isEmpty()) {
            return "";
        }
        long gc = recorded.stream().mapToLong(Measurement::samplesWithCollection).sum();
        long jit = recorded.stream().mapToLong(Measurement::samplesWithCompilation).sum();
        Stolen stolen = Stolen.over(recorded);
        String steal = recorded.stream().allMatch(Measurement::stealRecorded)
                ? String.format(Locale.ROOT, ", %d saw CPU time stolen by the hypervisor (%,d ms)", stolen.samplesWithSteal(), stolen.ms())
                : ", stolen CPU time not recorded (the system does not account it)";
        return String.format(Locale.ROOT, "context: %d of %d samples saw a garbage collection, %d saw JIT compilation%s "
                + "(per row in results.json: samples_with_gc, samples_with_compilation, samples_with_steal, stolen_ms)%n", gc, stolen.samples(), jit, steal);
    }

    /**
     * The machine's speed checks between forks ({@link MachineSpeed#summary}), and what a speed that
     * moved, or CPUs that ran apart, mean for the rows; empty when none was made (in-process).
     */
    static String speedNote(Report report) {
        MachineSpeed speed = report.machineSpeed();
        String limit = String.format(Locale.ROOT, "%.0f%%", (MachineSpeed.MOVED_BEYOND - 1) * 100);
        long timed = report.measurements().stream().filter(Measurement::identical).count();
        long slowed = report.measurements().stream().filter(m -> m.identical() && report.machineSlowed(m)).count();
        return speed.summary().map(line -> line + (speed.moved()
                ? String.format(Locale.ROOT, "; the machine's speed moved beyond %s: rows and forks that differ by less cannot be told "
                        + "from it; %d of %d rows had a fork measured while it was slower (marked: machine slowed)", limit, slowed, timed)
                : "; steady within " + limit) + (speed.cpusApart() ? "; the CPUs ran apart: a one-thread row whose work runs on "
                        + "another thread than sequential's may differ from it by that much for that reason alone" : "")
                + uncheckedNote(report) + " (results.json: speed_checks, fork_machine_slowdowns)" + System.lineSeparator()).orElse("");
    }

    /** The kernels of timed rows that no speed check ran (a strategy's native kernels), and how many rows they have; empty when none. */
    private static String uncheckedNote(Report report) {
        Set<String> checked = report.machineSpeed().checks().stream().map(MachineSpeed.Check::kernel).collect(Collectors.toSet());
        List<Measurement> unchecked = report.measurements().stream()
                .filter(m -> m.identical() && !checked.contains(m.configuration().kernel().name())).toList();
        if (unchecked.isEmpty()) {
            return "";
        }
        List<String> kernels = unchecked.stream().map(m -> m.configuration().kernel().name()).distinct().toList();
        return String.format(Locale.ROOT, "; no check runs %s (a strategy's native code): %s %d row%s cannot be marked", String.join(", ", kernels),
                kernels.size() > 1 ? "their" : "its", unchecked.size(), unchecked.size() == 1 ? "" : "s");
    }

    /** {@link Report#stealWarning}'s text: when any timed sample saw stolen CPU time, how much, during how many samples. */
    static Optional<String> stealWarning(Report report) {
        Stolen stolen = Stolen.over(report.measurements().stream().filter(Measurement::stealRecorded).toList());
        if (stolen.samplesWithSteal() == 0) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "warning: the hypervisor took %,d ms of CPU time from this run's CPUs "
                        + "during %d of %d samples (steal time): the machine is shared, timings may move between runs",
                stolen.ms(), stolen.samplesWithSteal(), stolen.samples()));
    }

    /** The stolen CPU time of some measurements: their samples, how many of those saw steal, and how much in all. */
    private record Stolen(long samples, long samplesWithSteal, long ms) {

        static Stolen over(List<Measurement> measurements) {
            return new Stolen(measurements.stream().mapToLong(m -> m.samplesMs().size()).sum(),
                    measurements.stream().mapToLong(Measurement::samplesWithSteal).sum(),
                    measurements.stream().mapToLong(Measurement::stolenMs).sum());
        }
    }

    /** {@code compute}'s figures, one per line. */
    static String compute(ComputeReport r) {
        StringBuilder text = new StringBuilder();
        line(text, "problem        %s", r.problem());
        line(text, "strategy       %s, %d thread%s, schedule %s, kernel %s", r.strategy(), r.threads(), r.threads() == 1 ? "" : "s",
                r.schedule(), r.kernel());
        line(text, "sha256         %s", r.sha256());
        line(text, "sum            %d", r.sum());
        line(text, "count_at_nmax  %d", r.countAtNMax());
        line(text, "fraction       %s%s", r.fraction(), r.fractionAgrees() ? ""
                : "  (DIFFERS from the sequential reduction " + r.sequentialFraction() + ")");
        line(text, "min            %d", r.min());
        line(text, "max            %d", r.max());
        line(text, "golden         %s", r.golden() == null ? "not a golden case" : r.golden() ? "matches" : "DIFFERS");
        line(text, "millis         %.1f", r.wallMillis());
        return text.toString();
    }

    /** {@code verify}'s tables: one per problem, each wrong run followed by what is wrong, then the verdict. */
    static String verify(VerifyReport report) {
        StringBuilder text = new StringBuilder();
        for (VerifyReport.Case c : report.cases()) {
            var reference = c.reference();
            line(text, "problem: %s", c.problem());
            line(text, "reference (sequential): sha256 %s, fraction %s%s", reference.sha256(), reference.fraction(),
                    reference.golden() == null ? "" : reference.golden() ? ", matches the golden case" : ", DIFFERS from the golden case");
            String format = "%-13s %-12s %7s  %-11s %-14s %-22s %s";
            line(text, format, "strategy", "kernel", "threads", "schedule", "sha256", "fraction", "identical");
            for (VerifyReport.Run run : c.runs()) {
                line(text, format, run.strategy(), run.kernel(), run.threads(), run.schedule(), run.sha256().substring(0, 12),
                        run.fraction(), run.identical() ? "yes" : "NO");
                if (!run.identical()) {
                    line(text, "    %s", run.problemDescription());
                }
            }
            text.append('\n');
        }
        report.skipped().forEach(note -> text.append("skipped: ").append(note).append('\n'));
        return text.append(report.allIdentical() ? "all identical" : "DIFFERENCES FOUND").append('\n').toString();
    }

    /** The recorded run's imbalance and idle share after the verdict, for the tables; nothing when not recorded. */
    static String verdict(Report report, Measurement m) {
        String note = m.timeline() == null ? "" : String.format(Locale.ROOT, ", imbalance %.2f, idle %.0f%%", m.timeline().imbalance(),
                m.timeline().idleShare() * 100);
        List<String> flags = new java.util.ArrayList<>();
        if (report.noisy(m)) {
            flags.add("noisy");
        }
        if (m.neverSteady()) {
            flags.add("never steady");
        }
        if (report.machineSlowed(m)) {
            flags.add("machine slowed");
        }
        return "yes" + (flags.isEmpty() ? "" : " (" + String.join(", ", flags) + ")") + note;
    }

    private static void line(StringBuilder text, String format, Object... args) {
        text.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    static String f1(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String f2(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String pct(double value) {
        return String.format(Locale.ROOT, "%.0f%%", value * 100);
    }
}
