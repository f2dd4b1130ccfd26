package arena.bench.jmhfixture;

import arena.bench.jmh.ReferenceCheck;
import arena.bench.measure.Configuration;
import arena.core.CountGrid;
import arena.core.Execution;
import arena.core.Schedule;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.kernel.Kernels;
import arena.core.problem.JuliaParams;
import arena.core.testkit.WrongProvider;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A deliberately failing JMH fixture (test scope only): the shape of {@code ComputeBenchmark}, with
 * the wrong strategy (one corrupted cell), so that its trial's {@link ReferenceCheck} throws after
 * timing. {@code arena jmh} must then exit non-zero.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WrongGridBenchmark {

    private final JuliaParams params = JuliaParams.chapterCase().withResolution(40).withNMax(100);
    private final WrongProvider provider = new WrongProvider();
    private Strategy opened;
    private CountGrid last;

    /** Opens the wrong strategy. */
    @Setup(Level.Trial)
    public void open() {
        opened = provider.open(StrategyConfig.threads(1));
    }

    /** One whole (wrong) grid. */
    @Benchmark
    public CountGrid compute() {
        last = opened.compute(params, Execution.reference());
        return last;
    }

    /** The same check as {@code ComputeBenchmark}'s: throws on the corrupted cell. */
    @TearDown(Level.Trial)
    public void validateAndClose() {
        try (Strategy closing = opened) {
            Configuration configuration = new Configuration(provider, Kernels.reference(), 1, new Schedule.Static(0));
            ReferenceCheck.requireIdentical(closing, configuration, params, last);
        }
    }
}
