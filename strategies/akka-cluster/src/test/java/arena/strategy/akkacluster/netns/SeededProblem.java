package arena.strategy.akkacluster.netns;

import arena.core.Execution;
import arena.core.Schedule;
import arena.core.SequentialProvider;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.kernel.Kernels;
import arena.core.problem.JuliaParams;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The seed case at a resolution and n_max drawn from a printed seed, for a fault test's run.
 *
 * @param seed       what the size was drawn from (pass it back as {@code -Dnetns.seed=} to repeat a run)
 * @param resolution the grid's resolution, drawn from [{@code minResolution}, 1.25 x that)
 * @param nMax       the iteration limit, drawn from [{@code minNMax}, 1.5 x that)
 */
record SeededProblem(long seed, int resolution, int nMax) {

    /** Draws a size from the seed in property {@code netns.seed}, or a fresh one; prints it. */
    static SeededProblem draw(String test, int minResolution, int minNMax) {
        String given = System.getProperty("netns.seed");
        long seed = given != null ? Long.parseLong(given) : System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        SeededProblem problem = new SeededProblem(seed, random.nextInt(minResolution, minResolution * 5 / 4),
                random.nextInt(minNMax, minNMax * 3 / 2));
        System.out.printf("netns %s: seed %d (repeat with -Dnetns.seed=%d): resolution %d, n_max %d%n", test, seed, seed,
                problem.resolution(), problem.nMax());
        return problem;
    }

    /** The problem's parameters: the seed case at this resolution and n_max. */
    JuliaParams params() {
        return JuliaParams.chapterCase().withResolution(resolution).withNMax(nMax);
    }

    /** The number of rows of its grid, which is the number of chunks of {@code dynamic,1}. */
    int rows() {
        return resolution + 1;
    }

    /** The SHA-256 of the grid {@code sequential} computes for it. */
    String sequentialSha256() {
        try (Strategy sequential = new SequentialProvider().open(new StrategyConfig(1, Map.of()))) {
            return sequential.compute(params(), new Execution(new Schedule.Dynamic(1), Kernels.reference())).sha256();
        }
    }

    /** The arguments of {@link arena.strategy.akkacluster.CoordinatorJvmMain} after the contact and worker count. */
    List<String> coordinatorArgs() {
        return List.of(Integer.toString(resolution), Integer.toString(nMax));
    }
}
