package arena.bench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JMH command line that {@code arena jmh} runs: the user's arguments, in their order, followed
 * by arena's defaults for what they leave out. Immutable.
 *
 * <ul>
 *   <li>{@code -foe true}: a benchmark that throws (in setup, in the measured method or in the
 *       trial's check of its result) fails the run, so {@code arena jmh} exits non-zero; JMH's own
 *       default goes on and exits 0. {@code -foe false} restores JMH's behaviour.</li>
 *   <li>{@code -p strategy=} every strategy that joins default selections.</li>
 *   <li>{@code -jvmArgsAppend} the forks' flags: this JVM's (the Vector API module, native access)
 *       and a fixed, pre-touched heap ({@code JmhCommand.forkFlags}).</li>
 *   <li>{@code -prof async} without {@code libPath}: the library from the async-profiler jar on the
 *       class path ({@link #withAsyncProfilerLibrary}).</li>
 *   <li>No arguments at all: the curated {@link #BARE_RUN} subset, with JSON results in
 *       {@code jmh-result.json}.</li>
 * </ul>
 *
 * @param arguments the complete argument list for JMH's {@code CommandLineOptions}
 */
public record JmhArguments(List<String> arguments) {

    /** The results file of a bare {@code arena jmh}. */
    public static final String BARE_RESULTS = "jmh-result.json";

    /**
     * What a bare {@code arena jmh} runs (with {@code -p threads=} the machine's cores added): the
     * default strategies through {@code ComputeBenchmark} and {@code FractionBenchmark} at one thread
     * count, and the three kernels over 32 rows. At 2 forks of 3 + 5 one-second iterations that is
     * 19 trials (8 strategies) of 20 to 30 s each on 2 cores: 9 minutes measured under heavy load,
     * well within 20.
     */
    public static final List<String> BARE_RUN = List.of("ComputeBenchmark", "FractionBenchmark", "KernelBenchmark", "-p", "rows=32",
            "-rf", "json", "-rff", BARE_RESULTS);

    /** Copies the list. */
    public JmhArguments {
        arguments = List.copyOf(arguments);
    }

    /**
     * The user's arguments with arena's defaults added.
     *
     * @param user       the arguments as typed after {@code arena jmh}
     * @param strategies the names of the strategies that join default selections
     * @param jvmFlags   the forks' JVM flags, passed on unless the user sets {@code -jvmArgs*}
     * @param cores      the thread count of a bare run
     */
    public static JmhArguments of(List<String> user, List<String> strategies, List<String> jvmFlags, int cores) {
        List<String> arguments = new ArrayList<>(user);
        if (user.isEmpty()) {
            arguments.addAll(BARE_RUN);
            arguments.addAll(List.of("-p", "threads=" + cores));
        }
        if (!arguments.contains("-foe")) {
            arguments.addAll(List.of("-foe", "true"));
        }
        if (parameter(arguments, "strategy").isEmpty()) {
            arguments.addAll(List.of("-p", "strategy=" + String.join(",", strategies)));
        }
        if (arguments.stream().noneMatch(a -> a.startsWith("-jvmArgs")) && !jvmFlags.isEmpty()) {
            arguments.addAll(List.of("-jvmArgsAppend", String.join(" ", jvmFlags)));
        }
        return new JmhArguments(arguments);
    }

    /** Whether the user asked for help ({@code --help}, {@code -help} or JMH's {@code -h}). */
    public static boolean asksForHelp(List<String> user) {
        return user.stream().anyMatch(a -> a.equals("--help") || a.equals("-help") || a.equals("-h"));
    }

    /** The values given with {@code -p name=v1,v2} (the last such option counts, as in JMH). */
    public Optional<List<String>> parameter(String name) {
        return parameter(arguments, name);
    }

    private static Optional<List<String>> parameter(List<String> arguments, String name) {
        Optional<List<String>> values = Optional.empty();
        for (int i = 0; i + 1 < arguments.size(); i++) {
            if (arguments.get(i).equals("-p") && arguments.get(i + 1).startsWith(name + "=")) {
                values = Optional.of(List.of(arguments.get(i + 1).substring(name.length() + 1).split(",", -1)));
            }
        }
        return values;
    }

    /** Whether a {@code -prof async} option lacks a {@code libPath}. */
    public boolean needsAsyncProfilerLibrary() {
        for (int i = 0; i + 1 < arguments.size(); i++) {
            if (arguments.get(i).equals("-prof") && isAsyncWithoutLibPath(arguments.get(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /** These arguments with {@code libPath=library} added to every {@code -prof async} that lacks one. */
    public JmhArguments withAsyncProfilerLibrary(Path library) {
        List<String> changed = new ArrayList<>(arguments);
        for (int i = 0; i + 1 < changed.size(); i++) {
            String profiler = changed.get(i + 1);
            if (changed.get(i).equals("-prof") && isAsyncWithoutLibPath(profiler)) {
                String libPath = "libPath=" + library.toAbsolutePath();
                changed.set(i + 1, profiler.equals("async") ? "async:" + libPath : profiler + ";" + libPath);
            }
        }
        return new JmhArguments(changed);
    }

    private static boolean isAsyncWithoutLibPath(String profiler) {
        return (profiler.equals("async") || profiler.startsWith("async:")) && !profiler.contains("libPath=");
    }
}
