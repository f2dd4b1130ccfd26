package arena.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How long this process's working threads were ready to run but waited for a CPU (Linux's
 * {@code run_delay}, the second number of {@code /proc/self/task/TID/schedstat}, in nanoseconds): the
 * time other processes of the machine took the CPUs from the measured work. A sample that waited is
 * slower for a reason outside the model under test. The JVM's own service threads (the JIT compilers,
 * the garbage collectors, the VM thread and the like, known by their thread names) are left out:
 * their competition is the JVM's, and the samples they touch are marked by {@link SampleContext}
 * already. Where {@code /proc} has no such files
 * (not Linux), nothing is available and every wait reads 0.
 *
 * <p>Threading: stateless; readings are immutable values, so any thread may take and compare them.
 */
final class RunQueueWait {

    private static final Path TASKS = Path.of("/proc/self/task");

    /** Thread names (as the kernel keeps them: at most 15 characters) of the JVM's own service threads. */
    private static final List<String> JVM_SERVICE_THREADS = List.of("C1 CompilerThre", "C2 CompilerThre", "GC Thread",
            "G1 ", "VM ", "Reference Handl", "Finalizer", "Signal Dispatch", "Service Thread", "Monitor Deflati",
            "Notification Th", "Common-Cleaner", "Attach Listener", "JFR ", "Sweeper thread", "ZGC", "Z Driver",
            "Shenandoah", "Java2D Disposer", "process reaper");

    private RunQueueWait() {
    }

    /**
     * What the scheduler counted for one thread so far.
     *
     * @param runNs   time on a CPU
     * @param delayNs time ready to run, waiting for a CPU
     */
    record Counters(long runNs, long delayNs) {
    }

    /** The counters of this process's working threads at one moment, by thread id; empty when not available. */
    static Map<Long, Counters> read() {
        Map<Long, Counters> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    if (isWorking(Files.readString(task.resolve("comm")).strip())) {
                        Counters counters = parseSchedstat(Files.readString(task.resolve("schedstat")));
                        if (counters != null) {
                            threads.put(Long.parseLong(task.getFileName().toString()), counters);
                        }
                    }
                } catch (IOException | NumberFormatException e) {
                    // the thread ended between the listing and the read: it cannot have waited since
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            return Map.of();
        }
        return threads;
    }

    /** Whether the kernel's name of a thread is not one of the JVM's service threads. */
    static boolean isWorking(String threadName) {
        return JVM_SERVICE_THREADS.stream().noneMatch(threadName::startsWith);
    }

    /** The counters in one line of {@code schedstat} ("run delay slices"), or null when it has fewer than two numbers. */
    static Counters parseSchedstat(String line) {
        String[] fields = line.strip().split("\\s+");
        if (fields.length < 2) {
            return null;
        }
        return new Counters(Long.parseLong(fields[0]), Long.parseLong(fields[1]));
    }

    /**
     * The milliseconds the working threads spent waiting for a CPU between {@code before} and
     * {@code after}, summed over the threads (a thread that waited all along without running counts
     * in full: it was starved); a thread started in between counts from zero. A thread only waits
     * while it is ready to run, so parked and sleeping threads add nothing.
     */
    static double waitedMs(Map<Long, Counters> before, Map<Long, Counters> after) {
        long waited = 0;
        for (var entry : after.entrySet()) {
            Counters then = before.getOrDefault(entry.getKey(), new Counters(0, 0));
            waited += Math.max(0, entry.getValue().delayNs() - then.delayNs());
        }
        return waited / 1e6;
    }
}
