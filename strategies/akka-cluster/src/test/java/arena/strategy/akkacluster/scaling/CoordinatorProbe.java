package arena.strategy.akkacluster.scaling;

import arena.core.ChunkRecorder;
import arena.core.CountGrid;
import arena.core.Execution;
import arena.core.RowRange;
import arena.core.Schedule;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.kernel.Kernels;
import arena.core.problem.JuliaParams;
import arena.strategy.akkacluster.AkkaClusterProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Times {@code akka-cluster} at one {@link Point}: opens the strategy with the given cluster options
 * ({@code join} or {@code local-workers}) and {@code point.threads()} chunks in flight per node, warms
 * up with recorded runs for at least {@code warmUpSeconds} (at least one run; the JIT compiles the
 * kernel and Akka's paths on every node meanwhile) and until every one of {@code point.nodes()} nodes
 * has taken chunks in one run, then times {@code repeats} unrecorded runs of the seed case at
 * the point's size with {@code dynamic,grain} and the reference kernel. Every repeat must give the
 * same grid. Used in this JVM (part a, loopback) and, through {@link #main}, as the coordinator JVM in
 * a network namespace. Not thread-safe: one measurement at a time.
 */
final class CoordinatorProbe {

    /** How long the warm-up may wait for every node to take chunks (beyond the warm-up time asked for). */
    private static final long WARM_UP_LIMIT_NANOS = 90_000_000_000L;

    private CoordinatorProbe() {
    }

    /**
     * Measures {@code point} as the class comment says.
     *
     * @throws IllegalStateException when not every node takes chunks in time, or two repeats differ
     */
    static List<Sample> measure(String part, Point point, Map<String, String> clusterOptions, int warmUpSeconds, int repeats) {
        JuliaParams params = JuliaParams.chapterCase().withResolution(point.resolution()).withNMax(point.nMax());
        Schedule schedule = new Schedule.Dynamic(point.grain());
        try (Strategy strategy = new AkkaClusterProvider().open(new StrategyConfig(point.threads(), clusterOptions))) {
            warmUp(strategy, params, schedule, point.nodes(), warmUpSeconds);
            List<Sample> samples = new ArrayList<>();
            String sha256 = null;
            for (int repeat = 1; repeat <= repeats; repeat++) {
                long start = System.nanoTime();
                CountGrid grid = strategy.compute(params, new Execution(schedule, Kernels.reference()));
                long wall = System.nanoTime() - start;
                if (sha256 != null && !sha256.equals(grid.sha256())) {
                    throw new IllegalStateException("repeat " + repeat + " of " + point.label() + " gave another grid");
                }
                sha256 = grid.sha256();
                samples.add(new Sample(part, point, repeat, wall, grid.sum(), Sample.loadNow()));
            }
            return samples;
        }
    }

    private static void warmUp(Strategy strategy, JuliaParams params, Schedule schedule, int nodes, int warmUpSeconds) {
        long start = System.nanoTime();
        long deadline = start + warmUpSeconds * 1_000_000_000L + WARM_UP_LIMIT_NANOS;
        int runs = 0;
        Set<String> seen = Set.of();
        while (runs == 0 || System.nanoTime() - start < warmUpSeconds * 1_000_000_000L || seen.size() < nodes) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + seen.size() + " of " + nodes + " worker nodes took chunks in a run: " + seen);
            }
            Set<String> used = ConcurrentHashMap.newKeySet();
            ChunkRecorder recorder = (String worker, RowRange rows, long startNanos, long endNanos, long iterations) ->
                    used.add(worker.substring(0, Math.max(0, worker.indexOf('/'))));
            strategy.compute(params, new Execution(schedule, Kernels.reference(), recorder));
            seen = used;
            runs++;
        }
    }

    /**
     * A coordinator JVM: {@code CoordinatorProbe PART CONTACT NODES THREADS RESOLUTION N_MAX GRAIN DELAY_MS
     * WARM_UP_SECONDS REPEATS} measures that point through the cluster of {@code CONTACT} and prints one line,
     * {@code samples } and the samples' CSV lines joined by {@code ;}, or {@code failed: ...} (exit 1).
     */
    public static void main(String[] args) {
        int code = 0;
        try {
            Point point = new Point(Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), Integer.parseInt(args[6]), Integer.parseInt(args[7]));
            List<Sample> samples = measure(args[0], point, Map.of("join", args[1]), Integer.parseInt(args[8]), Integer.parseInt(args[9]));
            System.out.println("samples " + String.join(";", samples.stream().map(Sample::csv).toList()));
        } catch (RuntimeException e) {
            System.out.println("failed: " + e);
            code = 1;
        }
        System.out.flush();
        System.exit(code);
    }
}
