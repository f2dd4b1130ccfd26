package arena.bench.measure;

import arena.core.problem.JuliaParams;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs one unit of {@code compare --forks} (one strategy's configurations with their baseline) in a
 * fresh child JVM: the same java binary, class path and JVM flags as this one (less debugger agents;
 * a flight recording gets a file name per child), on a heap of fixed size whose pages are all touched
 * before the child's {@code main} ({@link #heapFor}), and reads the child's {@link ForkLine}s from its
 * stdout. A child that exits non-zero, dies, or prints a line that is not a {@code ForkLine} is a
 * {@link ForkFailedException} naming the unit and the child's last stderr line. An interrupt of the
 * calling thread (Ctrl-C, {@code --timeout}) destroys the child, forcibly after a grace period, before
 * a {@link CancellationException} is thrown, as a strategy's cancelled run throws; a JVM shutdown hook destroys any child still alive as
 * the last resort. Used by one thread at a time per instance; the set of live children is
 * thread-safe.
 *
 * @param mainClass the class whose {@code main} runs the child command line
 * @param heapBytes the fixed, pre-touched heap of each child ({@link #heapFor}); at most this JVM's maximum heap is used
 */
public record ForkedRun(String mainClass, long heapBytes) {

    /** How long a child may take to stop after {@link Process#destroy()} before it is killed. */
    public static final long GRACE_MILLIS = 2_000;

    /**
     * The system property that a child's command reads to simulate a crash ({@code halt}) or garbage
     * output ({@code garbage}); passed on to children when set. For tests only.
     */
    public static final String FAULT_PROPERTY = "arena.fork.fault";

    /**
     * A child's heap beyond its grids. The heap is fixed ({@code -Xms} = {@code -Xmx}) and every page
     * of it touched at start ({@code -XX:+AlwaysPreTouch}): each timed grid is a new array (4 MB in the
     * chapter's case), and until the heap has been used once over, those arrays landed on pages the
     * operating system hands over at their first touch, a page fault each. On a 2-core Firecracker
     * guest (about 1.8 us per 4 KB page) that made whatever a fork measured first 1.3-1.6x slower than
     * the same configuration later in the same fork. Fixed, because a growing heap is touched as it
     * grows, inside a collection's pause: G1 grew a 256 MB child to 1.5 GB during the kernel's warm-up
     * and the child took 11 s instead of 5. 512 MB rather than 256: fewer collections while the first
     * configurations are timed (docs/BENCHMARKS.md, section 6h). Touching it costs a child about a
     * second, before anything is timed.
     */
    public static final long HEAP_BEYOND_GRIDS_BYTES = 512L << 20;
    /** Grids of the largest problem a child's heap holds besides {@link #HEAP_BEYOND_GRIDS_BYTES}: the reference, the timed one, and two in collection. */
    static final int GRIDS_IN_HEAP = 4;

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A line of the JVM's unified logging, which goes to stdout by default (JFR's "Started recording"
     * under {@code -XX:StartFlightRecording}, a user's {@code -Xlog}): passed on to stderr, not read as
     * a measurement.
     */
    private static final Pattern JVM_LOG_LINE = Pattern.compile("\\[[0-9.]+s]\\[[a-z]+ *]\\[[a-z0-9_,]+ *]");

    static {
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("arena-fork-reaper").unstarted(
                () -> LIVE.forEach(Process::destroyForcibly)));
    }

    /** The JVM command line of a child that runs {@code arguments}; {@code fork} names its flight recording. */
    public List<String> command(List<String> arguments, int fork) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        List<String> inherited = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (String flag : inherited) {
            if (flag.startsWith("-agentlib:jdwp") || flag.startsWith("-Xrunjdwp") || flag.startsWith("-javaagent:") && flag.contains("debugger")) {
                continue;
            }
            command.add(flag.startsWith("-XX:StartFlightRecording") ? perChildRecording(flag, fork) : flag);
        }
        command.addAll(preTouchedHeap(inherited, heapBytes));
        String fault = System.getProperty(FAULT_PROPERTY);
        if (fault != null) {
            command.add("-D" + FAULT_PROPERTY + "=" + fault);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }

    /**
     * The heap of a child that measures {@code problems}: {@link #HEAP_BEYOND_GRIDS_BYTES} and
     * {@link #GRIDS_IN_HEAP} grids of the largest, rounded up to whole 16 MB (which the JVM keeps as given).
     */
    public static long heapFor(List<JuliaParams> problems) {
        long grid = problems.stream().mapToLong(MemoryCheck::gridBytes).max().orElse(0);
        long unit = 16L << 20;
        return (HEAP_BEYOND_GRIDS_BYTES + GRIDS_IN_HEAP * grid + unit - 1) / unit * unit;
    }

    /**
     * The flags that start a child JVM (a fork of {@code compare} or of JMH) on a fixed, pre-touched
     * heap of {@code heapBytes}, at most this JVM's maximum heap (so a user's {@code -Xmx} caps it
     * too), in whole megabytes; they come after the {@code inherited} flags, so they hold. None where
     * the inherited flags set the initial heap or choose pre-touching themselves: the user's choice stands.
     */
    public static List<String> preTouchedHeap(List<String> inherited, long heapBytes) {
        boolean ownHeap = inherited.stream().anyMatch(flag -> flag.startsWith("-Xms")
                || flag.startsWith("-XX:InitialHeapSize=") || flag.endsWith("AlwaysPreTouch"));
        if (ownHeap) {
            return List.of();
        }
        long megabytes = Math.min(heapBytes, Runtime.getRuntime().maxMemory()) >> 20;
        return List.of("-Xms" + megabytes + "m", "-Xmx" + megabytes + "m", "-XX:+AlwaysPreTouch");
    }

    /** {@code flag} with its {@code filename=} made unique to child number {@code fork}. */
    static String perChildRecording(String flag, int fork) {
        String suffix = "-fork" + fork + "-" + ProcessHandle.current().pid();
        if (!flag.contains("filename=")) {
            return flag;
        }
        return flag.replaceAll("filename=([^,]*?)(\\.jfr)?(,|$)", "filename=$1" + suffix + ".jfr$3");
    }

    /**
     * Runs a child with {@code arguments} for {@code unit} and returns its lines.
     *
     * @throws ForkFailedException  when the child fails or prints something else
     * @throws CancellationException when the calling thread is interrupted; the child is gone by then
     */
    public List<ForkLine> run(String unit, List<String> arguments, int fork) {
        Process process;
        try {
            process = new ProcessBuilder(command(arguments, fork)).start();
        } catch (IOException e) {
            throw new ForkFailedException(unit, "could not start: " + e.getMessage());
        }
        LIVE.add(process);
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        List<String> err = Collections.synchronizedList(new ArrayList<>());
        Thread outReader = Thread.ofVirtual().start(() -> drain(process.inputReader(StandardCharsets.UTF_8), out));
        Thread errReader = Thread.ofVirtual().start(() -> drain(new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), err));
        try {
            int code = process.waitFor();
            outReader.join();
            errReader.join();
            if (code != 0) {
                throw new ForkFailedException(unit, "exited with " + code + lastLine(err));
            }
            List<ForkLine> lines = new ArrayList<>();
            for (String line : out) {
                if (JVM_LOG_LINE.matcher(line).lookingAt()) {
                    System.err.println(line);
                    continue;
                }
                try {
                    lines.add(parse(line));
                } catch (JsonProcessingException e) {
                    throw new ForkFailedException(unit, "printed a line that is not a measurement: '" + abbreviate(line) + "'" + lastLine(err));
                }
            }
            return lines;
        } catch (InterruptedException e) {
            CancellationException cancelled = new CancellationException("the fork measuring strategy '" + unit + "' was stopped");
            cancelled.initCause(e);
            throw cancelled;
        } finally {
            stop(process);
            LIVE.remove(process);
        }
    }

    /** Destroys {@code process} and its descendants, forcibly after {@link #GRACE_MILLIS}; keeps the interrupt status. */
    private static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        boolean interrupted = Thread.interrupted();
        try {
            boolean stopped = false;
            while (!stopped) {
                try {
                    stopped = process.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS);
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (!stopped) {
                process.destroyForcibly();
            }
            descendants.forEach(ProcessHandle::destroyForcibly);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Serialises {@code line} as the one JSON line a child prints. */
    public static String json(ForkLine line) {
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads back one line that {@link #json} wrote. */
    static ForkLine parse(String line) throws JsonProcessingException {
        return JSON.readValue(line, ForkLine.class);
    }

    private static void drain(BufferedReader reader, List<String> lines) {
        try (reader) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // The child is gone; what was read is all there is.
        }
    }

    private static String lastLine(List<String> err) {
        synchronized (err) {
            for (int i = err.size() - 1; i >= 0; i--) {
                if (!err.get(i).isBlank()) {
                    return "; its last line on stderr: " + abbreviate(err.get(i).strip());
                }
            }
        }
        return "; it printed nothing on stderr";
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
