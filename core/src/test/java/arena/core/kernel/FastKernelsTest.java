package arena.core.kernel;

import arena.core.CountGrid;
import arena.core.GridSummary;
import arena.core.problem.Complex;
import arena.core.problem.JuliaParams;
import arena.core.testkit.GoldenCases;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The fast kernels against the golden file and, cell for cell, against {@link ScalarKernel}. The
 * random sweeps print their seed; replay one with {@code -Darena.seed=<seed>}.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES) // a broken refill loops forever rather than failing
class FastKernelsTest {

    /** Every kernel {@link Kernels} finds but the reference: a new kernel's provider puts it here. */
    static Stream<Kernel> fastKernels() {
        return KernelCancellationTest.everyKernel().filter(kernel -> kernel != Kernels.reference());
    }

    static long seed(String what) {
        long seed = Long.getLong("arena.seed", System.nanoTime());
        System.out.println(what + ": seed " + seed + " (replay with -Darena.seed=" + seed + ")");
        return seed;
    }

    static int[] grid(Kernel kernel, JuliaParams params) {
        int[] counts = new int[params.cellCount()];
        kernel.computeRows(params, counts, 0, params.size());
        return counts;
    }

    /** Runs {@code check} on {@code problems} random problems from one printed seed; the check may draw more from {@code random}. */
    private static void forRandomProblems(Kernel kernel, String sweep, int problems, BiConsumer<JuliaParams, Random> check) {
        Random random = new Random(seed(kernel.name() + " " + sweep));
        for (int k = 0; k < problems; k++) {
            check.accept(randomProblem(random), random);
        }
    }

    static JuliaParams randomProblem(Random random) {
        return new JuliaParams(1 + random.nextInt(80), random.nextDouble(-1.2, 1.2), random.nextDouble(-1.2, 1.2),
                random.nextDouble(0.05, 2.5), random.nextDouble(0.05, 4.0), random.nextInt(301));
    }

    @TestFactory
    Stream<DynamicTest> everyKernel_reproducesEveryGoldenCase() {
        return fastKernels().flatMap(kernel -> GoldenCases.all().stream().map(golden -> dynamicTest(
                kernel.name() + " " + golden.params(), () -> {
                    JuliaParams params = golden.params();
                    CountGrid grid = new CountGrid(params.size(), grid(kernel, params));
                    assertThat(GridSummary.of(grid, params.nMax())).isEqualTo(golden.expected());
                })));
    }

    @ParameterizedTest
    @MethodSource("fastKernels")
    void randomProblems_matchTheScalarKernelCellForCell(Kernel kernel) {
        forRandomProblems(kernel, "random sweep", 200, (params, random) -> assertThat(grid(kernel, params))
                .as("%s on %s", kernel.name(), params).isEqualTo(grid(ScalarKernel.INSTANCE, params)));
    }

    /**
     * Problems built so that one start point {@code z0 = x + yi} (and its mirror {@code -z0}) reaches
     * {@code |z1| = zMax} exactly: {@code c = (2y^2 + d) - 2xy i} makes {@code z1 = x^2 + y^2 + d}
     * real, and {@code zMax = z1}. All values are short binary fractions, so every step is exact; the
     * strict {@code <} gives that point count 1, and a kernel that tested {@code <=} would go on.
     */
    @ParameterizedTest
    @MethodSource("fastKernels")
    void anOrbitLandingExactlyOnTheRadius_hasEscaped(Kernel kernel) {
        Random random = new Random(seed(kernel.name() + " exact radius"));
        for (int k = 0; k < 300; k++) {
            int resolution = 2 << random.nextInt(6);
            double bound = (1 + random.nextInt(8)) / 4.0;
            double step = (2.0 * bound) / resolution;
            int i = random.nextInt(resolution + 1), j = random.nextInt(resolution + 1);
            double x = -bound + i * step, y = -bound + j * step;
            double z1 = (x * x + y * y) + (1 + random.nextInt(8) / 8.0);
            JuliaParams params = new JuliaParams(resolution, 2 * y * y + (z1 - (x * x + y * y)), -(x * y + y * x),
                    bound, z1, 2 + random.nextInt(200));
            int[] expected = grid(ScalarKernel.INSTANCE, params);
            assertThat(expected[i * params.size() + j]).as("the constructed point of %s", params).isEqualTo(1);
            assertThat(grid(kernel, params)).as("%s on %s", kernel.name(), params).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("fastKernels")
    void aRowBand_writesExactlyItsOwnRows(Kernel kernel) {
        forRandomProblems(kernel, "row bands", 100, (params, random) -> {
            int n = params.size();
            int a = random.nextInt(n + 1);
            int b = a + random.nextInt(n + 1 - a);
            int[] expected = grid(ScalarKernel.INSTANCE, params);
            int[] counts = new int[params.cellCount()];
            Arrays.fill(counts, -1);
            kernel.computeRows(params, counts, a, b);
            for (int i = 0; i < n; i++) {
                int[] row = Arrays.copyOfRange(counts, i * n, (i + 1) * n);
                int[] want = i >= a && i < b ? Arrays.copyOfRange(expected, i * n, (i + 1) * n) : filled(n, -1);
                assertThat(row).as("%s rows [%d, %d) of %s: row %d", kernel.name(), a, b, params, i).isEqualTo(want);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("fastKernels")
    void nMaxZero_givesZeroEverywhere_andTinyGridsHaveFewerPixelsThanLanes(Kernel kernel) {
        JuliaParams chapter = JuliaParams.chapterCase();
        assertThat(grid(kernel, chapter.withResolution(50).withNMax(0))).containsOnly(0);
        for (int resolution : new int[] {1, 2, 3}) {
            for (int nMax : new int[] {0, 1, 2, 7, 8, 9, 15, 16, 17, 31, 32, 33, 48, 73, 1000}) {
                JuliaParams params = chapter.withResolution(resolution).withNMax(nMax);
                assertThat(grid(kernel, params)).as("%s on %s", kernel.name(), params)
                        .isEqualTo(grid(ScalarKernel.INSTANCE, params));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("fastKernels")
    void problemsWhereEscapesAreRareOrFrequent_giveTheScalarGrid(Kernel kernel) {
        // the vector kernel's block lengths follow the escape rate: one long block per survivor where
        // pixels rarely escape (the chapter's c), short blocks where they often do (the other two)
        for (Complex c : List.of(JuliaParams.SEED_C, new Complex(-0.8, 0.156), new Complex(0.285, 0.01))) {
            for (int nMax : new int[] {1000, 4999}) {
                JuliaParams params = JuliaParams.of(160, c).withNMax(nMax);
                assertThat(grid(kernel, params)).as("%s on %s", kernel.name(), params)
                        .isEqualTo(grid(ScalarKernel.INSTANCE, params));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("fastKernels")
    void manyThreads_onInterleavedRows_giveTheScalarGrid(Kernel kernel) throws Exception {
        JuliaParams params = JuliaParams.chapterCase().withResolution(300);
        int[] expected = grid(ScalarKernel.INSTANCE, params);
        int workers = 4;
        for (boolean virtual : new boolean[] {false, true}) {
            int[] counts = new int[params.cellCount()];
            try (ExecutorService pool = virtual ? Executors.newVirtualThreadPerTaskExecutor()
                    : Executors.newFixedThreadPool(workers)) {
                List<Future<?>> parts = new ArrayList<>();
                for (int w = 0; w < workers; w++) {
                    int first = w;
                    parts.add(pool.submit(() -> {
                        for (int row = first; row < params.size(); row += workers) {
                            kernel.computeRows(params, counts, row, row + 1);
                        }
                    }));
                }
                for (Future<?> part : parts) {
                    part.get();
                }
            }
            assertThat(counts).as("%s on %s threads", kernel.name(), virtual ? "virtual" : "platform").isEqualTo(expected);
        }
    }

    private static int[] filled(int length, int value) {
        int[] array = new int[length];
        Arrays.fill(array, value);
        return array;
    }
}
