package arena.bench.jmh;

import arena.core.kernel.Kernel;
import arena.core.kernel.Kernels;
import arena.core.problem.JuliaParams;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The kernel alone, single-threaded, writing a band of rows into a preallocated array: with
 * {@code -prof gc} it shows what the kernel allocates per operation (the chapter's {@code nogil}
 * promise: nothing). The {@code rows} parameter is the linear control: time should grow with it.
 *
 * <p>Defaults: 2 forks of 3 warm-up and 5 measured one-second iterations (JMH's own, 5 x 10 x
 * 10 s, would take hours over every parameter); {@code -f}, {@code -wi}, {@code -i}, {@code -w}
 * and {@code -r} override them. Run: {@code ./arena jmh KernelBenchmark -prof gc}.
 */
@Fork(2)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class KernelBenchmark {

    /** Kernel name. */
    @Param({"scalar", "interleaved", "vector"})
    public String kernel;

    /** Rows per operation, from the middle of the chapter's grid. */
    @Param({"8", "32"})
    public int rows;

    private Kernel chosen;
    private JuliaParams params;
    private int[] counts;
    private int start;

    /** Picks the kernel and allocates the counts once. */
    @Setup
    public void setUp() {
        chosen = Kernels.byName(kernel);
        params = JuliaParams.chapterCase();
        counts = new int[params.cellCount()];
        start = params.size() / 2 - rows / 2;
    }

    /** The measured operation: one band of rows. */
    @Benchmark
    public int[] band() {
        chosen.computeRows(params, counts, start, start + rows);
        return counts;
    }
}
