package arena.bench.measure;

import arena.core.input.InvalidInputException;
import arena.core.problem.JuliaParams;
import java.util.Locale;

/**
 * Refuses a problem whose grids cannot fit in this JVM's heap before anything is allocated, with the
 * memory it would need and the heap setting to use, instead of an OutOfMemoryError halfway through a
 * run. Stateless.
 */
public final class MemoryCheck {

    /** Head room left for everything but the grids. */
    private static final double USABLE_SHARE = 0.85;

    private MemoryCheck() {
    }

    /**
     * @param grids how many whole grids the command holds at once (e.g. the reference and a result)
     * @throws InvalidInputException naming {@code resolution} when the grids do not fit
     */
    public static void requireRoom(JuliaParams params, int grids) {
        long needed = gridBytes(params) * grids;
        Runtime runtime = Runtime.getRuntime();
        long usable = (long) ((runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory())) * USABLE_SHARE);
        if (needed > usable) {
            long suggestedGiB = (long) Math.ceil((needed / USABLE_SHARE + (256L << 20)) / (double) (1L << 30));
            throw new InvalidInputException("resolution", String.format(Locale.ROOT,
                    "resolution %d needs %s for %d grid%s of %,d int32 cells, but this JVM can use about %s; "
                            + "lower --resolution or give Java more heap, e.g. ARENA_JAVA_OPTS=-Xmx%dg",
                    params.resolution(), size(needed), grids, grids == 1 ? "" : "s", params.cellCount(), size(usable), suggestedGiB));
        }
    }

    /** The bytes of one grid of {@code params}: an int32 per cell. */
    static long gridBytes(JuliaParams params) {
        return (long) params.cellCount() * Integer.BYTES;
    }

    private static String size(long bytes) {
        return bytes >= (1L << 30)
                ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%d MiB", bytes >> 20);
    }
}
