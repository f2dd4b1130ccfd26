package arena.bench.jmh;

import arena.bench.measure.Configuration;
import arena.core.CountGrid;
import arena.core.Execution;
import arena.core.Schedule;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.StrategyRegistry;
import arena.core.Timeline;
import arena.core.problem.JuliaParams;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole grid computed by one strategy: the same model the CLI's {@code compare} times, driven by
 * JMH. The strategy is opened in the trial's setup (outside the timed region) and the last grid is
 * verified as {@code compare} verifies ({@link ReferenceCheck}) in the trial's teardown, after timing: a wrong result
 * fails the run instead of being reported as fast.
 *
 * <p>Defaults: 2 forks of 3 warm-up and 5 measured one-second iterations (JMH's own, 5 x 10 x
 * 10 s, would take hours over every parameter); {@code -f}, {@code -wi}, {@code -i}, {@code -w}
 * and {@code -r} override them. Run: {@code ./arena jmh ComputeBenchmark -p threads=1,2 -p schedule=dynamic:1} (the launcher
 * passes every discovered strategy as {@code -p strategy=...} unless one is given).
 */
@Fork(2)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ComputeBenchmark {

    /** The strategy's name; {@code arena jmh} fills in every discovered one. */
    @Param("forkjoin")
    public String strategy;

    /** Worker count. */
    @Param({"1", "2"})
    public int threads;

    /** Loop schedule. */
    @Param({"dynamic:1"})
    public String schedule;

    /** Kernel name ({@code auto}: the fastest available; the report names the one used via the kernel param). */
    @Param({"auto"})
    public String kernel;

    /** Grid resolution (the chapter's 1000 by default). */
    @Param({"1000"})
    public int resolution;

    /** Iteration cap. */
    @Param({"1000"})
    public int nMax;

    /** Whether the per-chunk timeline recorder is on (its overhead is the difference). */
    @Param({"false"})
    public boolean recorded;

    private Strategy opened;
    private Configuration configuration;
    private JuliaParams params;
    private Execution execution;
    private CountGrid last;

    /** Opens the strategy; unsupported combinations fail here with the strategy's own message. */
    @Setup(Level.Trial)
    public void open() {
        params = JuliaParams.chapterCase().withResolution(resolution).withNMax(nMax);
        var provider = StrategyRegistry.discover().find(strategy);
        Schedule parsed = Schedule.parse(schedule);
        provider.capabilities().requireSupported(strategy, parsed);
        execution = new Execution(parsed, provider.kernel(kernel), recorded ? new Timeline() : null);
        configuration = new Configuration(provider, execution.kernel(), threads, parsed);
        opened = provider.open(StrategyConfig.threads(threads));
    }

    /** A fresh recorder per grid when recording, as {@code arena timeline} uses it (outside the timed region). */
    @Setup(Level.Invocation)
    public void freshRecorder() {
        if (recorded) {
            execution = new Execution(execution.schedule(), execution.kernel(), new Timeline());
        }
    }

    /** The measured operation: one whole grid. */
    @Benchmark
    public CountGrid compute() {
        last = opened.compute(params, execution);
        return last;
    }

    /** Validates the last grid and its fraction against the reference, outside timing, then closes the strategy. */
    @TearDown(Level.Trial)
    public void validateAndClose() {
        try (Strategy closing = opened) {
            ReferenceCheck.requireIdentical(closing, configuration, params, last);
        }
    }
}
