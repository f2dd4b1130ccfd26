package arena.bench.cli;

import arena.bench.measure.Configuration;
import arena.core.Schedule;
import arena.core.StrategyConfig;
import arena.core.StrategyProvider;
import arena.core.StrategyRegistry;
import arena.core.input.InvalidInputException;
import arena.core.input.Names;
import arena.core.kernel.Kernel;
import arena.core.kernel.Kernels;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Option;

/**
 * Which configurations {@code verify} and {@code compare} run: lists of strategies, kernels, thread
 * counts and schedules, crossed. Defaults: every strategy that joins default selections, the default
 * kernel, 1 thread and the machine's cores, and each strategy's supported schedules among
 * {@code static, static:1, dynamic:1, guided:1}. Kernel names are resolved per strategy
 * ({@link StrategyProvider#kernel}: {@code auto} is each strategy's fastest), so a strategy's own
 * kernels (openmp's native ones) are named like JVM kernels. A combination a strategy cannot run (a schedule it
 * does not support, more threads than it takes) is not run and is reported as skipped, never
 * replaced by another. Filled in by picocli on the main thread.
 */
public final class SelectionOptions {

    /** The schedules a default selection tries. */
    public static final List<String> DEFAULT_SCHEDULES = List.of("static", "static:1", "dynamic:1", "guided:1");

    @Option(names = "--strategies", paramLabel = "NAMES", split = ",",
            description = "strategies to run (default: every strategy that joins default selections)")
    List<String> strategies;

    @Option(names = "--kernels", paramLabel = "NAMES", split = ",", description = "kernels to run (default: the default kernel)")
    List<String> kernels;

    @Option(names = "--threads", paramLabel = "T", split = ",", description = "thread counts (default: 1 and the machine's cores)")
    List<String> threads;

    @Option(names = "--schedules", paramLabel = "S", split = ",",
            description = "schedules (default: each strategy's supported ones among static, static:1, dynamic:1, guided:1)")
    List<String> schedules;

    /** The selection's configurations, and notes on the combinations skipped. */
    public record Expansion(List<Configuration> configurations, List<String> skipped) {

        /** The strategies that run, each once, in the order of the configurations. */
        public List<StrategyProvider> providers() {
            return configurations.stream().map(Configuration::provider).distinct().toList();
        }
    }

    /**
     * Crosses the lists.
     *
     * @throws InvalidInputException for an unknown name, a bad number or schedule, or when nothing is left to run
     */
    public Expansion expand(StrategyRegistry registry) {
        List<StrategyProvider> providers = strategies == null ? registry.defaults() : each("strategies", strategies, registry::find);
        List<String> kernelNames = kernels == null ? List.of(Kernels.AUTO) : each("kernels", kernels, name -> knownKernel(registry, name));
        List<Integer> threadCounts = threadCounts();
        boolean explicitSchedules = schedules != null;
        List<Schedule> chosenSchedules = each("schedules", explicitSchedules ? schedules : DEFAULT_SCHEDULES, Schedule::parse);

        List<Configuration> configurations = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (StrategyProvider provider : providers) {
            provider.whyUnavailable().ifPresent(why -> {
                throw new InvalidInputException("strategies", "strategy '" + provider.name() + "' is unavailable: " + why);
            });
            List<Kernel> runnable = new ArrayList<>();
            for (String name : kernelNames) {
                if (name.equals(Kernels.AUTO) || provider.capabilities().runsKernel(name)) {
                    runnable.add(each("kernels", List.of(name), provider::kernel).getFirst());
                } else {
                    skipped.add(provider.name() + " with kernel " + name + ": it runs " + provider.capabilities().kernelLabels());
                }
            }
            for (int t : threadCounts) {
                if (t > provider.capabilities().maxThreads()) {
                    skipped.add(provider.name() + " at " + t + " threads: it runs on at most " + provider.capabilities().maxThreads());
                    continue;
                }
                for (Schedule schedule : chosenSchedules) {
                    if (!provider.capabilities().supports(schedule)) {
                        if (explicitSchedules) {
                            skipped.add(provider.name() + " with " + schedule.spec() + ": it supports " + provider.capabilities().scheduleLabels());
                        }
                        continue;
                    }
                    for (Kernel kernel : runnable) {
                        configurations.add(new Configuration(provider, kernel, t, schedule));
                    }
                }
            }
        }
        if (configurations.isEmpty()) {
            throw new InvalidInputException(explicitSchedules ? "schedules" : "strategies",
                    "the selection leaves nothing to run" + (skipped.isEmpty() ? "" : ": " + String.join("; ", skipped)));
        }
        return new Expansion(List.copyOf(configurations), skipped.stream().distinct().toList());
    }

    /**
     * {@code name} in lower case when it names a JVM kernel, {@code auto} or a kernel some strategy
     * declares as its own (a native kernel); which strategies run it is decided per strategy.
     *
     * @throws InvalidInputException naming {@code kernel} and listing every known name
     */
    private static String knownKernel(StrategyRegistry registry, String name) {
        Set<String> known = new LinkedHashSet<>(Kernels.names());
        registry.all().forEach(p -> known.addAll(new TreeSet<>(p.capabilities().kernels())));
        String canonical = Names.canonical("kernel", name, known);
        if (!known.contains(canonical) && Kernels.providers().stream().noneMatch(p -> p.name().equals(canonical))) {
            throw Names.unknown("kernel", name, known);
        }
        return canonical;
    }

    /** Each item of the list option {@code option} read by {@code parse}; a refusal names the list option. */
    private static <T> List<T> each(String option, List<String> items, java.util.function.Function<String, T> parse) {
        List<T> values = new ArrayList<>();
        for (String item : items) {
            try {
                values.add(parse.apply(item));
            } catch (InvalidInputException e) {
                throw new InvalidInputException(option, e.getMessage());
            }
        }
        return values;
    }

    private List<Integer> threadCounts() {
        if (threads == null) {
            int cores = Runtime.getRuntime().availableProcessors();
            return cores == 1 ? List.of(1) : List.of(1, cores);
        }
        return threads.stream().map(t -> Numbers.wholeNumber("threads", t, 1, StrategyConfig.MAX_THREADS)).distinct().toList();
    }
}
