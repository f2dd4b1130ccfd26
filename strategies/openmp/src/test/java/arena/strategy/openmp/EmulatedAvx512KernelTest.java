package arena.strategy.openmp;

import arena.core.CountGrid;
import arena.core.Execution;
import arena.core.GoldenCase;
import arena.core.SequentialStrategy;
import arena.core.StrategyConfig;
import arena.core.problem.Complex;
import arena.core.problem.JuliaParams;
import arena.core.testkit.GoldenCases;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code c-avx512} kernel's code, run through SIMDe's portable AVX-512 (so on any CPU, this
 * AVX-512-less Zen 3 included), gives the scalar contract's counts bit for bit: the golden cases, and
 * a seeded sweep of small problems with huge {@code z_max} and {@code bound} (products overflow to
 * infinity), {@code n_max} from 0 to 5000, widths that leave lanes over, every schedule kind and 1 to
 * 3 threads; and it stops at the cancel flag. Skipped, with the reason printed, where gcc or the SIMDe header is missing.
 */
class EmulatedAvx512KernelTest {

    private static EmulatedAvx512Driver driver;

    @BeforeAll
    static void buildTheEmulatedKernel() throws Exception {
        EmulatedAvx512Driver.whyUnavailable().ifPresent(why -> System.out.println("EmulatedAvx512KernelTest skipped: " + why));
        Assumptions.assumeTrue(EmulatedAvx512Driver.whyUnavailable().isEmpty(), () -> EmulatedAvx512Driver.whyUnavailable().orElseThrow());
        driver = EmulatedAvx512Driver.build();
    }

    @Test
    void avx512Kernel_reproducesTheSeedCase_atOneThreadStatic_andThreeThreadsDynamic() throws Exception {
        GoldenCase seed = GoldenCases.all().get(0);
        assertThat(seed.params()).isEqualTo(JuliaParams.chapterCase());
        for (int[] threadsKindChunk : new int[][] {{1, 0, 0}, {3, 1, 1}}) {
            EmulatedAvx512Driver.Result result = driver.compute(seed.params(), EmulatedAvx512Driver.C_AVX512,
                    threadsKindChunk[0], threadsKindChunk[1], threadsKindChunk[2]);
            assertThat(result.grid().sha256()).as("sha256 at %d threads", threadsKindChunk[0]).isEqualTo(seed.expected().sha256())
                    .startsWith("07bf3a55");
            assertThat(result.atNMax()).isEqualTo(seed.expected().countAtNMax());
        }
    }

    @Test
    void avx512Kernel_reproducesEverySmallGoldenCase_underGuidedOnTwoThreads() throws Exception {
        for (GoldenCase golden : GoldenCases.small()) {
            EmulatedAvx512Driver.Result result = driver.compute(golden.params(), EmulatedAvx512Driver.C_AVX512, 2, 2, 3);
            assertThat(result.grid().sha256()).as("%s", golden.params()).isEqualTo(golden.expected().sha256());
            assertThat(result.atNMax()).as("%s", golden.params()).isEqualTo(golden.expected().countAtNMax());
        }
    }

    @Test
    void avx512Kernel_matchesTheScalarKernel_onASeededSweepWithHugeRadiiAndOddWidths() throws Exception {
        long seed = Long.getLong("arena.seed", System.nanoTime());
        System.out.println("EmulatedAvx512KernelTest sweep seed: " + seed + " (replay with -Darena.seed=" + seed + ")");
        Random random = new Random(seed);
        SequentialStrategy scalar = new SequentialStrategy(StrategyConfig.threads(1));
        for (int problem = 0; problem < 40; problem++) {
            JuliaParams params = randomProblem(random, problem);
            int threads = 1 + random.nextInt(3), kind = random.nextInt(3);
            int chunk = kind == 0 ? random.nextInt(6) : 1 + random.nextInt(5);
            CountGrid expected = scalar.compute(params, Execution.reference());
            EmulatedAvx512Driver.Result actual = driver.compute(params, EmulatedAvx512Driver.C_AVX512, threads, kind, chunk);
            String where = params + " threads " + threads + " schedule kind " + kind + " chunk " + chunk + " (seed " + seed + ")";
            assertThat(CountGrid.difference(expected, actual.grid())).as(where).isEmpty();
            assertThat(actual.atNMax()).as(where).isEqualTo(expected.countEqual(params.nMax()));
        }
    }

    @Test
    void avx512Kernel_stopsAtTheCancelFlag_evenWherePointsNeverEscape() throws Exception {
        JuliaParams endless = JuliaParams.of(60, new Complex(0, 0)).withNMax(Integer.MAX_VALUE);
        long start = System.nanoTime();
        for (int threads = 1; threads <= 2; threads++) {
            driver.computeCancelledAfter(endless, EmulatedAvx512Driver.C_AVX512, threads, 1, 1, 200);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("two cancelled runs, 200 ms each, under load").isLessThan(Duration.ofSeconds(60));
    }

    /**
     * A small problem: widths 1 to 120 (so most leave lanes of the last vector over), now and then one
     * up to 200 with many slow points (the survivor queue carried across rows); {@code c} in the unit
     * square; a quarter of the problems with a huge {@code bound} or {@code z_max}; {@code n_max} 0 to 5000.
     */
    private static JuliaParams randomProblem(Random random, int problem) {
        int resolution = problem % 8 == 7 ? 120 + random.nextInt(81) : 1 + random.nextInt(120);
        Complex c = new Complex(2 * random.nextDouble() - 1, 2 * random.nextDouble() - 1);
        double bound = 0.25 + 2 * random.nextDouble(), zMax = 1 + 3 * random.nextDouble();
        switch (random.nextInt(8)) {
            case 0 -> bound = Math.scalb(1.0 + random.nextDouble(), 900 + random.nextInt(123));
            case 1 -> zMax = Math.scalb(1.0 + random.nextDouble(), 500 + random.nextInt(523));
            default -> { }
        }
        int nMax = switch (random.nextInt(4)) {
            case 0 -> random.nextInt(20);
            case 1 -> 1 + random.nextInt(5000);
            default -> 1 + random.nextInt(300);
        };
        return new JuliaParams(resolution, c.re(), c.im(), bound, zMax, nMax);
    }
}
