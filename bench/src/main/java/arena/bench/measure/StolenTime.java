package arena.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The CPU time that the hypervisor gave to someone else while this guest wanted the CPUs this
 * process may run on (Linux's "steal" time), since boot: the eighth value of each {@code cpuN} line
 * of {@code /proc/stat}, summed over the CPUs of {@code Cpus_allowed_list} in
 * {@code /proc/self/status} (over every CPU when that cannot be read). On a shared virtual machine
 * a sample that lost CPU time this way is slower for a reason outside the JVM; {@link SampleContext}
 * takes the difference of two readings around a sample. Where {@code /proc/stat} cannot be read (not
 * Linux) or has no steal column, the reading is {@linkplain #available() not available}, so that
 * no report claims that nothing was stolen there. Immutable; {@link #read()} may be called from any
 * thread and reads the two files once per call.
 *
 * @param available whether the system accounts steal time for this process's CPUs
 * @param ms        the stolen time since boot, milliseconds (whole ticks of 10 ms); 0 when not available
 */
public record StolenTime(boolean available, long ms) {

    /** A reading where the system accounts no steal time. */
    public static final StolenTime NOT_AVAILABLE = new StolenTime(false, 0);

    /** Milliseconds per tick: /proc/stat counts in USER_HZ, which Linux fixes at 100 for user space on every architecture. */
    static final long MS_PER_TICK = 10;

    /** The column of the steal time in a {@code cpuN} line, counting the name as column 0. */
    private static final int STEAL_COLUMN = 8;

    /** Reads this process's stolen time from {@code /proc/stat} and {@code /proc/self/status}. */
    public static StolenTime read() {
        return read(Path.of("/proc/stat"), Path.of("/proc/self/status"));
    }

    /** Reads the stolen time from {@code stat} (as /proc/stat) over the CPUs allowed by {@code status} (as /proc/self/status). */
    static StolenTime read(Path stat, Path status) {
        BitSet allowed;
        try {
            allowed = allowedCpus(Files.readString(status)).orElse(null);
        } catch (IOException | RuntimeException e) {
            allowed = null;
        }
        try {
            OptionalLong ticks = stealTicks(Files.readString(stat), allowed);
            return ticks.isPresent() ? new StolenTime(true, ticks.getAsLong() * MS_PER_TICK) : NOT_AVAILABLE;
        } catch (IOException | RuntimeException e) {
            return NOT_AVAILABLE;
        }
    }

    /** The CPUs of the {@code Cpus_allowed_list} line of {@code statusText} (as /proc/self/status); empty when it has none. */
    static Optional<BitSet> allowedCpus(String statusText) {
        for (String line : statusText.split("\n")) {
            if (line.startsWith("Cpus_allowed_list:")) {
                return Optional.of(cpuList(line.substring("Cpus_allowed_list:".length()).strip()));
            }
        }
        return Optional.empty();
    }

    /**
     * The CPUs of a Linux CPU list such as {@code 0-1,4,8-9}.
     *
     * @throws IllegalArgumentException when {@code list} is not one
     */
    static BitSet cpuList(String list) {
        BitSet cpus = new BitSet();
        for (String part : list.split(",")) {
            int dash = part.indexOf('-');
            try {
                int first = Integer.parseInt(dash < 0 ? part : part.substring(0, dash));
                int last = dash < 0 ? first : Integer.parseInt(part.substring(dash + 1));
                if (first < 0 || last < first) {
                    throw new IllegalArgumentException("not a CPU range: '" + part + "' in '" + list + "'");
                }
                cpus.set(first, last + 1);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a CPU list: '" + list + "'", e);
            }
        }
        return cpus;
    }

    /**
     * The steal ticks of {@code statText} (as /proc/stat) summed over the {@code cpuN} lines whose
     * {@code N} is in {@code allowed}, or over every {@code cpuN} line when {@code allowed} is null;
     * empty when no such line has a steal column.
     */
    static OptionalLong stealTicks(String statText, BitSet allowed) {
        long sum = 0;
        boolean seen = false;
        for (String line : statText.split("\n")) {
            if (!line.startsWith("cpu") || line.length() < 4 || !Character.isDigit(line.charAt(3))) {
                continue;
            }
            String[] columns = line.strip().split(" +");
            int cpu = Integer.parseInt(columns[0].substring(3));
            if (columns.length > STEAL_COLUMN && (allowed == null || allowed.get(cpu))) {
                sum += Long.parseLong(columns[STEAL_COLUMN]);
                seen = true;
            }
        }
        return seen ? OptionalLong.of(sum) : OptionalLong.empty();
    }
}
