package arena.bench.report;

import arena.bench.measure.Bootstrap;
import arena.bench.measure.Configuration;
import arena.bench.measure.Environment;
import arena.bench.measure.ForkPlan;
import arena.bench.measure.ForkSpread;
import arena.bench.measure.HierarchicalBootstrap;
import arena.bench.measure.MachineSpeed;
import arena.bench.measure.Measurement;
import arena.bench.measure.SampleContext;
import arena.bench.measure.Stats;
import arena.bench.measure.WarmUp;
import arena.bench.report.ResultsDocument.Key;
import arena.bench.report.ResultsDocument.Result;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of a {@code compare} run, with its environment: the model every {@link ReportFormat}
 * reads (the table, CSV, results.json, Markdown and the charts). Immutable.
 *
 * @param environment  where it was measured
 * @param plan         how it was measured: in-process or forked, and the forks' order
 * @param measurements every configuration, baselines included, grouped by problem and sorted by median
 * @param skipped      combinations of the selection that were not run, and why
 * @param machineSpeed the speed checks made between forks; {@link MachineSpeed#NONE} when in-process
 */
public record Report(Environment environment, ForkPlan plan, List<Measurement> measurements, List<String> skipped,
                     MachineSpeed machineSpeed) implements ReportDocument {

    /** The version of the results.json layout. */
    public static final int SCHEMA_VERSION = 1;

    /**
     * A configuration is too noisy to rank when the 95% confidence interval of its median reaches
     * more than this share of the median on either side: differences smaller than that (the default
     * threshold of {@code arena diff}) cannot be told from noise.
     */
    public static final double NOISY_HALF_WIDTH = 0.05;

    /** The seed of the bootstrap behind every confidence interval, so reports are reproducible. */
    static final long BOOTSTRAP_SEED = 42;

    /** Copies the lists; a null {@code machineSpeed} is {@link MachineSpeed#NONE}. */
    public Report {
        measurements = List.copyOf(measurements);
        skipped = List.copyOf(skipped);
        machineSpeed = machineSpeed == null ? MachineSpeed.NONE : machineSpeed;
    }

    /** A report without speed checks. */
    public Report(Environment environment, ForkPlan plan, List<Measurement> measurements, List<String> skipped) {
        this(environment, plan, measurements, skipped, MachineSpeed.NONE);
    }

    /** A report of measurements made in-process. */
    public Report(Environment environment, List<Measurement> measurements, List<String> skipped) {
        this(environment, ForkPlan.inProcess(), measurements, skipped);
    }

    /** The configurations whose timed samples never became steady in some fork. */
    public List<Measurement> neverSteady() {
        return measurements.stream().filter(m -> m.identical() && m.neverSteady()).toList();
    }

    /**
     * The one-line warning that the hypervisor took CPU time from the run's CPUs during some timed
     * sample (Linux's steal time), with how much and during how many samples; empty when no sample saw
     * any or none was recorded.
     */
    public Optional<String> stealWarning() {
        return TextTables.stealWarning(this);
    }

    /**
     * How slow the machine was around each fork of {@code m}, in the order of its fork medians
     * ({@link MachineSpeed#slowdownAround}, for its kernel); empty when no check was made for its
     * kernel or its samples' starts were not recorded.
     */
    public List<Double> forkMachineSlowdowns(Measurement m) {
        String kernel = m.configuration().kernel().name();
        List<Double> slowdowns = m.forkSpans().stream().map(span -> machineSpeed.slowdownAround(kernel, span.fromMs(), span.toMs())).toList();
        return slowdowns.stream().anyMatch(s -> Double.isNaN(s)) ? List.of() : slowdowns;
    }

    /** Whether some fork of {@code m} measured while the machine's speed had moved beyond {@link MachineSpeed#MOVED_BEYOND}. */
    public boolean machineSlowed(Measurement m) {
        return forkMachineSlowdowns(m).stream().anyMatch(s -> s > MachineSpeed.MOVED_BEYOND);
    }

    /** Whether every configuration's result was identical to the reference. */
    public boolean allIdentical() {
        return measurements.stream().allMatch(Measurement::identical);
    }

    /** The results.json document (also what {@code --format json} prints): every sample included. */
    @JsonValue
    public ResultsDocument document() {
        Map<String, ForkSpread> spreads = forkSpreads();
        return new ResultsDocument(SCHEMA_VERSION, environment, measurements.stream()
                .map(m -> result(m, spreads.getOrDefault(m.configuration().kernel().name(), ForkSpread.UNKNOWN),
                        forkMachineSlowdowns(m))).toList(), skipped,
                allIdentical(), plan.forks(), plan.forked() ? plan.orderSeed() : null, machineSpeed.checks().isEmpty() ? null : machineSpeed.checks());
    }

    private static Result result(Measurement m, ForkSpread spread, List<Double> machineSlowdowns) {
        Configuration c = m.configuration();
        Key key = new Key(m.verification().reference().params(), c.strategy(), c.kernel().name(), c.threads(), c.schedule().spec());
        boolean timed = m.identical();
        Stats s = timed ? m.stats() : null;
        Bootstrap.Interval ci = timed ? medianInterval(m, spread) : null;
        return new Result(key, m.samplesMs().size(),
                timed ? round(s.median()) : null, timed ? round(ci.low()) : null, timed ? round(ci.high()) : null,
                timed ? round(s.min()) : null, timed ? round(s.max()) : null, timed ? round(s.mean()) : null,
                timed ? round(s.cv()) : null, timed ? noisy(m, spread) : null,
                timed ? round(m.speedup()) : null, timed ? round(m.efficiency()) : null,
                timed ? round(m.megapixelsPerSecond()) : null, timed ? (Double) (double) Math.round(m.iterationsPerSecond()) : null,
                m.timeline() == null ? null : round(m.timeline().imbalance()),
                m.timeline() == null ? null : round(m.timeline().idleShare()),
                m.contexts().isEmpty() ? null : (Integer) (int) m.samplesWithCollection(),
                m.contexts().isEmpty() ? null : (Integer) (int) m.samplesWithCompilation(),
                m.stealRecorded() ? (Integer) (int) m.samplesWithSteal() : null,
                m.stealRecorded() ? (Long) m.stolenMs() : null,
                m.verification().sha256(), m.identical(), m.samplesMs().stream().map(Report::round).toList(),
                m.verification().difference().map(Object::toString).orElse(null), m.sampleForks(),
                timed && !m.sampleForks().isEmpty() ? java.util.Arrays.stream(HierarchicalBootstrap.forkMedians(m.forkSamples())).mapToObj(Report::round).toList() : List.of(),
                timed ? m.warmUps().stream().map(WarmUp::samples).toList() : List.of(),
                timed && !m.warmUps().isEmpty() ? !m.neverSteady() : null,
                m.stealRecorded() ? m.contexts().stream().map(SampleContext::stolenMs).toList() : List.of(),
                m.startsRecorded() ? m.contexts().stream().map(SampleContext::startedAtMs).toList() : List.of(),
                timed ? machineSlowdowns.stream().map(Report::round).toList() : List.of());
    }

    /**
     * The fork-to-fork spread of each kernel, pooled over every timed configuration of that kernel in
     * this report ({@link ForkSpread#perKernel}); unknown when measured in-process. It widens every
     * interval the report shows to at least its Student-t interval ({@link ForkSpread}): a bootstrap
     * over two forks alone is too narrow.
     */
    public Map<String, ForkSpread> forkSpreads() {
        return ForkSpread.perKernel(measurements.stream().filter(Measurement::identical).toList(),
                m -> m.configuration().kernel().name(), Measurement::forkSamples);
    }

    /** The fork-to-fork spread of {@code kernel} in this report ({@link #forkSpreads}); unknown when it has none. */
    public ForkSpread forkSpread(String kernel) {
        return forkSpreads().getOrDefault(kernel, ForkSpread.UNKNOWN);
    }

    /** The 95% interval of {@code m}'s median: the hierarchical bootstrap's over its forks and their samples, guarded by its kernel's {@link #forkSpread}. */
    Bootstrap.Interval medianInterval(Measurement m) {
        return medianInterval(m, forkSpread(m.configuration().kernel().name()));
    }

    /** Whether {@code m}'s median is too uncertain to rank (see {@link #NOISY_HALF_WIDTH}). */
    boolean noisy(Measurement m) {
        return noisy(m, forkSpread(m.configuration().kernel().name()));
    }

    private static Bootstrap.Interval medianInterval(Measurement m, ForkSpread spread) {
        return spread.guardMedian(m.medianInterval(BOOTSTRAP_SEED), m.forkSamples().size());
    }

    private static boolean noisy(Measurement m, ForkSpread spread) {
        Bootstrap.Interval ci = medianInterval(m, spread);
        double median = m.stats().median();
        return ci.high() > median * (1 + NOISY_HALF_WIDTH) || ci.low() < median * (1 - NOISY_HALF_WIDTH);
    }

    /** {@code value} rounded to three decimals; null when it is not a number (a figure that was not measured). */
    private static Double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 1000) / 1000.0 : null;
    }
}
