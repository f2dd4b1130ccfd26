package arena.core;

import arena.core.input.InvalidInputException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a strategy can do, declared by its provider so that bad combinations are refused before
 * anything runs, never silently replaced. Immutable.
 *
 * @param schedules             the schedule families the strategy honours
 * @param joinsDefaultSelection whether {@code verify} and {@code compare} run it when no strategy is named
 * @param maxThreads            the most threads it accepts (1 for the sequential reference)
 * @param options               the provider options it accepts in {@link StrategyConfig#options()}, in full
 * @param kernels               the names of the kernels it runs; empty for every JVM kernel (those of
 *                              {@link arena.core.kernel.Kernels}), which is what the JVM strategies run
 */
public record Capabilities(Set<Schedule.Kind> schedules, boolean joinsDefaultSelection, int maxThreads, List<StrategyOption> options,
                           Set<String> kernels) {

    /** Copies the collections. */
    public Capabilities {
        schedules = Set.copyOf(schedules);
        options = List.copyOf(options);
        kernels = Set.copyOf(kernels);
        if (schedules.isEmpty() || maxThreads < 1) {
            throw new IllegalArgumentException("a strategy supports at least one schedule and one thread");
        }
    }

    /** A strategy that runs every JVM kernel. */
    public Capabilities(Set<Schedule.Kind> schedules, boolean joinsDefaultSelection, int maxThreads, List<StrategyOption> options) {
        this(schedules, joinsDefaultSelection, maxThreads, options, Set.of());
    }

    /** These capabilities, running only the kernels named {@code names} (native kernels, for instance). */
    public Capabilities runningOnly(Set<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a strategy runs at least one kernel");
        }
        return new Capabilities(schedules, joinsDefaultSelection, maxThreads, options, names);
    }

    /**
     * Whether the strategy runs the kernel named {@code kernel}: any JVM kernel (one of
     * {@link arena.core.kernel.Kernels#providers()}, available or not) unless {@link #kernels()} names its own.
     */
    public boolean runsKernel(String kernel) {
        return kernels.isEmpty()
                ? arena.core.kernel.Kernels.providers().stream().anyMatch(p -> p.name().equals(kernel))
                : kernels.contains(kernel);
    }

    /** The kernels it runs, sorted, or {@code every JVM kernel}. */
    public String kernelLabels() {
        return kernels.isEmpty() ? "every JVM kernel" : String.join(", ", new java.util.TreeSet<>(kernels));
    }

    /** A parallel strategy that joins default selections, has no options and supports {@code kinds}. */
    public static Capabilities parallel(Schedule.Kind first, Schedule.Kind... rest) {
        return new Capabilities(EnumSet.of(first, rest), true, StrategyConfig.MAX_THREADS, List.of());
    }

    /**
     * A parallel strategy that joins default selections, has no options and supports the families a
     * task, thread or actor per unit can honour: {@code static}, {@code dynamic} and {@code guided}
     * (not the recursive {@code split}, which is work stealing's idiom).
     */
    public static Capabilities staticDynamicGuided() {
        return parallel(Schedule.Kind.STATIC, Schedule.Kind.DYNAMIC, Schedule.Kind.GUIDED);
    }

    /** The names of {@link #options()}, in declaration order. */
    public List<String> optionNames() {
        return options.stream().map(StrategyOption::name).toList();
    }

    /** Whether the strategy honours this schedule's family. */
    public boolean supports(Schedule schedule) {
        return schedules.contains(schedule.kind());
    }

    /** The supported families in declaration order, e.g. {@code static, dynamic, guided}. */
    public String scheduleLabels() {
        return EnumSet.copyOf(schedules).stream().map(Schedule.Kind::label).collect(Collectors.joining(", "));
    }

    /**
     * @throws InvalidInputException naming {@code schedule} and the families {@code strategy} supports
     */
    public void requireSupported(String strategy, Schedule schedule) {
        if (!supports(schedule)) {
            throw new InvalidInputException("schedule", "strategy '" + strategy + "' does not support schedule '"
                    + schedule.spec() + "'; it supports: " + scheduleLabels());
        }
    }

    /**
     * @throws InvalidInputException naming {@code threads} when {@code config} asks for more than
     *                               {@link #maxThreads()} or for options not declared
     */
    public void requireAccepted(String strategy, StrategyConfig config) {
        if (config.threads() > maxThreads) {
            throw new InvalidInputException("threads", "strategy '" + strategy + "' runs on at most " + maxThreads
                    + " thread" + (maxThreads == 1 ? "" : "s") + ", got " + config.threads());
        }
        for (String option : config.options().keySet()) {
            if (!optionNames().contains(option)) {
                throw new InvalidInputException(option, "strategy '" + strategy + "' takes no option '" + option + "'"
                        + (options.isEmpty() ? "" : "; it takes: " + String.join(", ", optionNames())));
            }
        }
    }
}
