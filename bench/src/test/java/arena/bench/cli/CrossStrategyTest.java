package arena.bench.cli;

import arena.core.AbstractStrategyProvider;
import arena.core.CountGrid;
import arena.core.Execution;
import arena.core.GoldenCase;
import arena.core.GridSummary;
import arena.core.Schedule;
import arena.core.SequentialStrategy;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.StrategyProvider;
import arena.core.StrategyRegistry;
import arena.core.kernel.Kernels;
import arena.core.problem.JuliaParams;
import arena.core.testkit.GoldenCases;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every strategy the distribution discovers through ServiceLoader, against the golden file and the
 * sequential reference: the test that a new module is found and agrees without anyone editing a list.
 * Each module's own conformance suite goes deeper; this one proves the assembled distribution.
 */
class CrossStrategyTest {

    private static final List<String> EXPECTED = List.of("sequential", "akka", "akka-cluster", "completable", "executor", "forkjoin", "openmp", "reactor", "rxjava", "streams", "threads", "virtual");

    private static final String SERVICES_FILE = "META-INF/services/" + StrategyProvider.class.getName();

    @Test
    void distribution_discoversExactlyEveryModel() {
        assertDiscoversExactlyEveryModel(StrategyRegistry.discover().names());
    }

    @Test
    void aModuleWithoutItsServicesFile_failsTheDiscoveryCheck_namingTheModule() throws IOException {
        ClassLoader withoutForkJoin = new HidingServicesFiles(getClass().getClassLoader(), "forkjoin");
        assertThat(Collections.list(withoutForkJoin.getResources(SERVICES_FILE)))
                .as("services files left visible").hasSize(Collections.list(getClass().getClassLoader().getResources(SERVICES_FILE)).size() - 1);
        List<StrategyProvider> found = ServiceLoader.load(StrategyProvider.class, withoutForkJoin).stream().map(ServiceLoader.Provider::get).toList();

        assertThatThrownBy(() -> assertDiscoversExactlyEveryModel(StrategyRegistry.of(found).names()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("missing or wrong")
                .hasMessageContaining("[\"forkjoin\"]");
    }

    /** Asserts that {@code names} are exactly the expected strategies, naming any whose services file is missing. */
    private static void assertDiscoversExactlyEveryModel(List<String> names) {
        List<String> missing = EXPECTED.stream().filter(name -> !names.contains(name)).toList();
        assertThat(missing)
                .as("strategies not found by ServiceLoader: their module's %s is missing or wrong", SERVICES_FILE)
                .isEmpty();
        assertThat(names).as("the strategies ServiceLoader finds").containsExactlyInAnyOrderElementsOf(EXPECTED);
    }

    /** A class loader that hides the services files of the class-path entries whose location contains {@code module}. */
    private static final class HidingServicesFiles extends ClassLoader {
        private final String module;

        HidingServicesFiles(ClassLoader parent, String module) {
            super(parent);
            this.module = module;
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            List<URL> visible = Collections.list(super.getResources(name)).stream()
                    .filter(url -> !(name.equals(SERVICES_FILE) && url.toString().contains(module)))
                    .toList();
            return Collections.enumeration(visible);
        }
    }

    @Test
    void everyDiscoveredProvider_isATopLevelModelProviderExtendingTheBaseClass() {
        for (StrategyProvider provider : StrategyRegistry.discover().all()) {
            Class<?> type = provider.getClass();
            assertThat(type.getSimpleName()).as("%s of strategy '%s'", type.getName(), provider.name()).endsWith("Provider");
            assertThat(type.getEnclosingClass()).as("%s is a top-level class", type.getName()).isNull();
            assertThat(type).as("%s extends the shared base", type.getName()).isAssignableTo(AbstractStrategyProvider.class);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyDiscoveredStrategy_reproducesTheGoldenCases() {
        return inProcess().stream().map(provider -> dynamicTest(provider.name(), () -> {
            for (int threads : new int[] {1, 3}) {
                try (Strategy strategy = provider.open(StrategyConfig.threads(Math.min(threads, provider.capabilities().maxThreads())))) {
                    for (GoldenCase golden : GoldenCases.small()) {
                        for (Schedule schedule : schedulesOf(provider)) {
                            CountGrid grid = strategy.compute(golden.params(), new Execution(schedule, provider.kernel(Kernels.AUTO)));
                            assertThat(GridSummary.of(grid, golden.params().nMax())).as("%s %s %s", provider.name(), schedule, golden.params())
                                    .isEqualTo(golden.expected());
                            assertThat(strategy.fraction(grid, golden.params().nMax())).isEqualTo(golden.expected().fraction());
                        }
                    }
                }
            }
        }));
    }

    @Test
    void seededRandomSweep_overEveryDiscoveredStrategy_matchesSequential() {
        long seed = Long.getLong("arena.seed", System.nanoTime());
        System.out.println("CrossStrategyTest sweep seed: " + seed + " (replay with -Darena.seed=" + seed + ")");
        SplittableRandom random = new SplittableRandom(seed);
        Strategy reference = new SequentialStrategy(StrategyConfig.threads(1));
        for (StrategyProvider provider : inProcess()) {
            int threads = Math.min(random.nextInt(1, 7), provider.capabilities().maxThreads());
            try (Strategy strategy = provider.open(StrategyConfig.threads(threads))) {
                List<Schedule> schedules = schedulesOf(provider);
                for (int run = 0; run < 15; run++) {
                    JuliaParams problem = new JuliaParams(random.nextInt(1, 90), random.nextDouble(-1, 1), random.nextDouble(-1, 1),
                            random.nextDouble(0.2, 2), random.nextDouble(0.5, 4), random.nextInt(0, 200));
                    Schedule schedule = schedules.get(random.nextInt(schedules.size()));
                    CountGrid expected = reference.compute(problem, Execution.reference());
                    CountGrid actual = strategy.compute(problem, new Execution(schedule, provider.kernel(Kernels.AUTO)));
                    assertThat(CountGrid.difference(expected, actual))
                            .as("seed %d: %s, %d threads, %s on %s", seed, provider.name(), threads, schedule, problem)
                            .isEmpty();
                }
            }
        }
    }

    /**
     * Every discovered strategy that runs in this process alone (akka-cluster needs worker nodes;
     * ClusterCompareTest runs it) and can run in this JVM (openmp needs JDK 22 and its library).
     */
    static List<StrategyProvider> inProcess() {
        return StrategyRegistry.discover().all().stream().filter(p -> p.capabilities().options().isEmpty() && p.available()).toList();
    }

    /** The kernels {@code provider} runs here, slowest first: the JVM kernels but auto, or its own available ones (openmp's). */
    static List<String> kernelsOf(StrategyProvider provider) {
        if (provider.capabilities().kernels().isEmpty()) {
            return Kernels.names().stream().filter(name -> !name.equals(Kernels.AUTO)).toList();
        }
        return provider.capabilities().kernels().stream().sorted(java.util.Comparator.reverseOrder())
                .filter(name -> provider.whyKernelUnavailable(name).isEmpty()).toList();
    }

    private static List<Schedule> schedulesOf(StrategyProvider provider) {
        List<Schedule> schedules = new ArrayList<>();
        for (String spec : List.of("static", "static:1", "static:4", "dynamic:1", "dynamic:5", "guided:2", "split:3")) {
            Schedule schedule = Schedule.parse(spec);
            if (provider.capabilities().supports(schedule)) {
                schedules.add(schedule);
            }
        }
        return schedules;
    }
}
