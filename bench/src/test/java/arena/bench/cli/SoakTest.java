package arena.bench.cli;

import arena.core.CountGrid;
import arena.core.Execution;
import arena.core.Schedule;
import arena.core.SequentialStrategy;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.StrategyProvider;
import arena.core.problem.JuliaParams;
import arena.core.testkit.LiveThreads;
import arena.core.testkit.RandomSchedules;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A randomised soak: many small problems with random parameters, strategies, thread counts up to
 * four times the cores and schedules, every result compared cell for cell with {@code sequential}.
 * Bounded in count and time for the test suite ({@code arena.soak.runs}, {@code arena.soak.seconds});
 * the Maven profile {@code soak} runs the long variant. The seed is printed; replay with
 * {@code -Darena.seed=N}.
 */
class SoakTest {

    @Test
    void thousandsOfRandomRuns_areAllIdenticalToSequential_andLeaveNothingRunning() throws InterruptedException {
        int runs = Integer.getInteger("arena.soak.runs", 5000);
        Duration budget = Duration.ofSeconds(Long.getLong("arena.soak.seconds", 40));
        long seed = Long.getLong("arena.seed", System.nanoTime());
        System.out.println("SoakTest seed: " + seed + " (replay with -Darena.seed=" + seed + "), up to " + runs + " runs in " + budget);
        SplittableRandom random = new SplittableRandom(seed);
        List<StrategyProvider> providers = CrossStrategyTest.inProcess();
        int maxThreads = 4 * Runtime.getRuntime().availableProcessors();
        Map<String, Strategy> open = new HashMap<>();
        Strategy reference = new SequentialStrategy(StrategyConfig.threads(1));
        long deadline = System.nanoTime() + budget.toNanos();
        int done = 0;
        try {
            for (; done < runs && System.nanoTime() < deadline; done++) {
                StrategyProvider provider = providers.get(random.nextInt(providers.size()));
                int threads = Math.min(random.nextInt(1, maxThreads + 1), provider.capabilities().maxThreads());
                Schedule schedule = RandomSchedules.draw(random, provider.capabilities(), random.nextInt(1, 12));
                JuliaParams problem = new JuliaParams(random.nextInt(1, 48), random.nextDouble(-1, 1), random.nextDouble(-1, 1),
                        random.nextDouble(0.1, 2.5), random.nextDouble(0.2, 4), random.nextInt(0, 150));
                Strategy strategy = open.computeIfAbsent(provider.name() + "/" + threads,
                        key -> provider.open(StrategyConfig.threads(threads)));
                CountGrid expected = reference.compute(problem, Execution.reference());
                CountGrid actual = strategy.compute(problem, new Execution(schedule, provider.kernel(arena.core.kernel.Kernels.AUTO)));
                String replay = "seed " + seed + ", run " + done + ": " + provider.name() + ", " + threads + " threads, " + schedule.spec() + ", " + problem;
                assertThat(CountGrid.difference(expected, actual)).as(replay).isEmpty();
                assertThat(strategy.fraction(actual, problem.nMax())).as(replay).isEqualTo(reference.fraction(expected, problem.nMax()));
            }
        } finally {
            open.values().forEach(Strategy::close);
        }
        System.out.println("SoakTest: " + done + " runs, all identical");
        assertThat(done).isGreaterThanOrEqualTo(Math.min(runs, 200));
        for (StrategyProvider provider : providers) {
            assertThat(LiveThreads.awaitNone("arena-" + provider.name(), Duration.ofSeconds(10))).as(provider.name()).isEmpty();
        }
    }
}
