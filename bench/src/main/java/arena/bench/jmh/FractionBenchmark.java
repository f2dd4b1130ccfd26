package arena.bench.jmh;

import arena.bench.measure.Reference;
import arena.core.CountGrid;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.StrategyRegistry;
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
 * The fraction's parallel reduction alone (the chapter's {@code julia_fraction}), on a grid computed
 * once in setup: what each model pays to fan a cheap loop out and gather partial counts. The result
 * is checked against the sequential count after timing.
 *
 * <p>Defaults: 2 forks of 3 warm-up and 5 measured one-second iterations (JMH's own, 5 x 10 x
 * 10 s, would take hours over every parameter); {@code -f}, {@code -wi}, {@code -i}, {@code -w}
 * and {@code -r} override them. Run: {@code ./arena jmh FractionBenchmark -p threads=2}.
 */
@Fork(2)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FractionBenchmark {

    /** The strategy's name; {@code arena jmh} fills in every discovered one. */
    @Param("forkjoin")
    public String strategy;

    /** Worker count. */
    @Param({"1", "2"})
    public int threads;

    /** Grid resolution. */
    @Param({"1000"})
    public int resolution;

    private Strategy opened;
    private Reference reference;
    private CountGrid grid;
    private int maxval;
    private double last;

    /** Computes the reference grid (measure's {@link Reference}) and opens the strategy. */
    @Setup(Level.Trial)
    public void open() {
        JuliaParams params = JuliaParams.chapterCase().withResolution(resolution);
        maxval = params.nMax();
        reference = Reference.of(params);
        grid = reference.grid();
        opened = StrategyRegistry.discover().find(strategy).open(StrategyConfig.threads(threads));
    }

    /** The measured operation: one parallel reduction. */
    @Benchmark
    public double fraction() {
        last = opened.fraction(grid, maxval);
        return last;
    }

    /** Closes the strategy and checks the last fraction, outside timing. */
    @TearDown(Level.Trial)
    public void closeAndValidate() {
        opened.close();
        double expected = reference.summary().fraction();
        if (last != expected) {
            throw new IllegalStateException(strategy + " reduced a wrong fraction: " + last + ", expected " + expected);
        }
    }
}
