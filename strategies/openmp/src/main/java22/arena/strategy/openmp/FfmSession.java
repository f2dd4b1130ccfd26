package arena.strategy.openmp;

import arena.core.CountGrid;
import arena.core.problem.JuliaParams;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * {@link OpenMpSession} over FFM: the cancel flag and the result cell in a shared arena (the flag is
 * written from the waiting caller through a volatile {@link VarHandle} while the native loop reads it),
 * and a grid buffer that grows to the largest grid seen and is reused. The buffer is used on the
 * strategy's caller thread only, as {@link OpenMpSession} says; close frees it all.
 */
final class FfmSession implements OpenMpSession {

    private static final VarHandle FLAG = JAVA_INT.varHandle();

    private final FfmLibrary library;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment cancel = arena.allocate(JAVA_INT);
    private final MemorySegment result = arena.allocate(JAVA_LONG);
    private Arena bufferArena;
    private MemorySegment buffer = MemorySegment.NULL;
    private boolean closed;

    FfmSession(FfmLibrary library) {
        this.library = library;
    }

    @Override
    public long julia(JuliaParams params, int kernel, int threads, int schedule, int chunk, int[] counts, long[] rowTimes) {
        MemorySegment grid = buffer(counts.length);
        result.set(JAVA_LONG, 0, 0L);
        int status;
        try (Arena call = Arena.ofConfined()) {
            MemorySegment times = rowTimes == null ? MemorySegment.NULL : call.allocate(JAVA_LONG, rowTimes.length);
            try {
                status = (int) library.julia.invokeExact(params.resolution(), params.cRe(), params.cIm(), params.bound(), params.zMax(),
                        params.nMax(), 0, params.size(), grid, kernel, threads, schedule, chunk, cancel, result, times);
            } catch (Throwable e) {
                throw new IllegalStateException("arena_julia could not be called: " + e, e);
            }
            if (status == 0 && rowTimes != null) {
                MemorySegment.copy(times, JAVA_LONG, 0, rowTimes, 0, rowTimes.length);
            }
        }
        if (status != 0) {
            throw NativeFailure.of("arena_julia", status);
        }
        MemorySegment.copy(grid, JAVA_INT, 0, counts, 0, counts.length);
        return result.get(JAVA_LONG, 0);
    }

    @Override
    public long countEqual(CountGrid grid, int value, int threads) {
        int size = grid.size();
        MemorySegment cells = buffer(grid.cellCount());
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                cells.setAtIndex(JAVA_INT, (long) i * size + j, grid.get(i, j));
            }
        }
        int status;
        try {
            status = (int) library.countEqual.invokeExact(cells, (long) grid.cellCount(), value, threads, result);
        } catch (Throwable e) {
            throw new IllegalStateException("arena_count_equal could not be called: " + e, e);
        }
        if (status != 0) {
            throw NativeFailure.of("arena_count_equal", status);
        }
        return result.get(JAVA_LONG, 0);
    }

    @Override
    public void cancel() {
        FLAG.setVolatile(cancel, 0L, 1);
    }

    @Override
    public void clearCancel() {
        FLAG.setVolatile(cancel, 0L, 0);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            library.close.invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException("arena_close could not be called: " + e, e);
        } finally {
            if (bufferArena != null) {
                bufferArena.close();
            }
            arena.close();
        }
    }

    /** A buffer of at least {@code cells} ints, the previous one when it is large enough. */
    private MemorySegment buffer(long cells) {
        long bytes = FfmLibrary.intBytes(cells);
        if (buffer.byteSize() < bytes) {
            if (bufferArena != null) {
                bufferArena.close();
            }
            bufferArena = Arena.ofConfined();
            buffer = bufferArena.allocate(bytes, JAVA_INT.byteAlignment());
        }
        return buffer.asSlice(0, bytes);
    }
}
