package arena.core.testkit;

import arena.core.CountGrid;
import arena.core.Execution;
import arena.core.SequentialStrategy;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.kernel.Kernel;
import arena.core.problem.JuliaParams;

/**
 * A deliberately wrong strategy for testing the harness's failure path: it computes like
 * {@code sequential}, but its kernel adds one to the count of cell ({@link #ROW}, {@link #COLUMN})
 * whenever the grid has that cell. Opened by {@link WrongProvider} and registered in test code only, never through a ServiceLoader
 * file of a main artifact.
 */
public final class WrongStrategy implements Strategy {

    /** The row of the corrupted cell. */
    public static final int ROW = 3;
    /** The column of the corrupted cell. */
    public static final int COLUMN = 5;

    private final int threads;
    private final Strategy sequential = new SequentialStrategy(StrategyConfig.threads(1));

    WrongStrategy(int threads) {
        this.threads = threads;
    }

    @Override
    public String name() {
        return "wrong";
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public CountGrid compute(JuliaParams params, Execution execution) {
        return sequential.compute(params, new Execution(execution.schedule(), new Corrupting(execution.kernel())));
    }

    @Override
    public double fraction(CountGrid grid, int maxval) {
        return sequential.fraction(grid, maxval);
    }

    @Override
    public void close() {
        sequential.close();
    }

    private record Corrupting(Kernel kernel) implements Kernel {
        @Override
        public String name() {
            return kernel.name();
        }

        @Override
        public void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd) {
            kernel.computeRows(params, counts, rowStart, rowEnd);
            if (rowStart <= ROW && ROW < rowEnd && COLUMN < params.size()) {
                counts[ROW * params.size() + COLUMN]++;
            }
        }
    }
}
