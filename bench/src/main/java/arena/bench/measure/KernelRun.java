package arena.bench.measure;

import arena.core.CountGrid;
import arena.core.Execution;
import arena.core.Schedule;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.StrategyRegistry;
import arena.core.kernel.Kernel;
import arena.core.kernel.Kernels;
import arena.core.problem.JuliaParams;
import java.util.concurrent.CancellationException;

/**
 * One thread's way of running a kernel over a whole problem for a {@link SpeedCheck}: a kernel in Java
 * on the calling thread, a strategy's native kernel through that strategy opened with one thread (its
 * work then runs on the strategy's own thread while the caller waits). Not thread-safe: opened, used
 * and closed by one thread.
 */
interface KernelRun extends AutoCloseable {

    /** The kernel it runs. */
    Kernel kernel();

    /**
     * Computes {@code problem}'s whole grid; null when the calling thread was interrupted meanwhile
     * and the run was cancelled (its interrupt flag stays set).
     */
    CountGrid compute(JuliaParams problem);

    /** Whether the kernel runs on the calling thread, so that the thread's CPU is the kernel's. */
    boolean onCallingThread();

    /** Closes the strategy opened for a native kernel; nothing for a kernel in Java. */
    @Override
    void close();

    /**
     * A run of {@code kernel}: on the calling thread when it runs in Java (or when {@code registry} is
     * null), else through the strategy of {@code registry} that runs it, opened now with one thread.
     *
     * @throws IllegalArgumentException when no strategy of {@code registry} runs a native {@code kernel}
     */
    static KernelRun open(Kernel kernel, StrategyRegistry registry) {
        if (registry == null || Kernels.runsInJava(kernel)) {
            return new InJava(kernel);
        }
        var owner = Configuration.ownerOf(registry, kernel)
                .orElseThrow(() -> new IllegalArgumentException("no strategy runs the kernel " + kernel.name()));
        return new ThroughStrategy(kernel, owner.open(StrategyConfig.threads(1)));
    }

    /** A kernel in Java, called for all rows on the calling thread into one reused array. */
    final class InJava implements KernelRun {
        private final Kernel kernel;
        private int[] counts = new int[0];

        InJava(Kernel kernel) {
            this.kernel = kernel;
        }

        @Override
        public Kernel kernel() {
            return kernel;
        }

        @Override
        public CountGrid compute(JuliaParams problem) {
            int cells = problem.size() * problem.size();
            if (counts.length != cells) {
                counts = new int[cells];
            }
            kernel.computeRows(problem, counts, 0, problem.size());
            return new CountGrid(problem.size(), counts);
        }

        @Override
        public boolean onCallingThread() {
            return true;
        }

        @Override
        public void close() {
            // nothing held
        }
    }

    /** A native kernel through its strategy, opened with one thread and the {@code static} schedule. */
    record ThroughStrategy(Kernel kernel, Strategy strategy) implements KernelRun {

        @Override
        public CountGrid compute(JuliaParams problem) {
            try {
                return strategy.compute(problem, new Execution(new Schedule.Static(0), kernel));
            } catch (CancellationException e) {
                return null; // the caller was interrupted: the command is being stopped
            }
        }

        @Override
        public boolean onCallingThread() {
            return false;
        }

        @Override
        public void close() {
            strategy.close();
        }
    }
}
