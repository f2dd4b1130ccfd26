package arena.bench.measure;

import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * What else the JVM did while one sample was timed: garbage collections (count and time, over every
 * collector) and JIT compilation time, read from the JDK's MXBeans before and after the sample, and
 * what the machine did: the CPU time a hypervisor took from this process's CPUs ({@link StolenTime}).
 * A sample that saw a collection, a compilation or stolen time is not wrong, but it is not the steady
 * state either; reports say how many there were. Use {@link #begin()} right before the timed call and
 * {@link Reading#end()} right after it.
 *
 * <p>Threading: the MXBeans are process-wide and thread-safe, so a reading may be taken on any
 * thread; a collection or compilation caused by another thread of the JVM counts too, which is the
 * point (it competed with the sample). A JVM without compilation monitoring reports 0 ms. Stolen
 * time is the CPUs' own counter, so time stolen while another process of the machine ran there
 * counts as well: either way the CPUs were not the sample's to use.
 *
 * @param collections   garbage collections during the sample, over every collector
 * @param collectionMs  their accumulated time, milliseconds (as the JVM accounts it; may be 0 for
 *                      concurrent collectors' cycles)
 * @param compilationMs JIT compilation time during the sample, milliseconds, summed over the
 *                      compiler threads (so it may exceed the sample's wall time)
 * @param stolenMs      CPU time stolen from this process's CPUs during the sample, milliseconds, summed
 *                      over those CPUs (whole ticks of 10 ms, so a short sample may miss a little); 0
 *                      when not recorded
 * @param stealRecorded whether the system accounts stolen time (Linux); when false, {@code stolenMs}
 *                      says nothing
 * @param startedAtMs   when the sample began, wall-clock milliseconds since the epoch, so that samples
 *                      of every configuration and every child JVM can be set on one time line (and
 *                      beside a log of the machine); 0 when not recorded
 */
public record SampleContext(long collections, long collectionMs, long compilationMs, long stolenMs, boolean stealRecorded,
                            long startedAtMs) {

    private static final List<GarbageCollectorMXBean> COLLECTORS = ManagementFactory.getGarbageCollectorMXBeans();
    private static final CompilationMXBean COMPILER = ManagementFactory.getCompilationMXBean();

    /** A context without stolen time or start recorded. */
    public SampleContext(long collections, long collectionMs, long compilationMs) {
        this(collections, collectionMs, compilationMs, 0, false, 0);
    }

    /** Whether a garbage collection happened during the sample. */
    public boolean sawCollection() {
        return collections > 0;
    }

    /** Whether the JIT compilers worked during the sample. */
    public boolean sawCompilation() {
        return compilationMs > 0;
    }

    /** Whether CPU time was stolen from this process's CPUs during the sample (false when not recorded). */
    public boolean sawSteal() {
        return stolenMs > 0;
    }

    /** The counters before a sample, and the wall clock then; {@link #end()} gives what changed. Immutable. */
    public record Reading(long collections, long collectionMs, long compilationMs, StolenTime stolen, long atMs) {

        /** What changed since this reading, with this reading's time as the sample's start. */
        public SampleContext end() {
            Reading now = read();
            boolean steal = stolen.available() && now.stolen.available();
            return new SampleContext(now.collections - collections, now.collectionMs - collectionMs, now.compilationMs - compilationMs,
                    // never negative: the process's CPU set may shrink between the two readings
                    steal ? Math.max(0, now.stolen.ms() - stolen.ms()) : 0, steal, atMs);
        }
    }

    /** Reads the counters, and the wall clock, right before a sample. */
    public static Reading begin() {
        return read();
    }

    private static Reading read() {
        long count = 0;
        long time = 0;
        for (GarbageCollectorMXBean collector : COLLECTORS) {
            count += Math.max(0, collector.getCollectionCount());
            time += Math.max(0, collector.getCollectionTime());
        }
        long compilation = COMPILER != null && COMPILER.isCompilationTimeMonitoringSupported() ? COMPILER.getTotalCompilationTime() : 0;
        return new Reading(count, time, compilation, StolenTime.read(), System.currentTimeMillis());
    }
}
