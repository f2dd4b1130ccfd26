package arena.strategy.openmp;

import arena.core.ChunkRecorder;
import arena.core.CountGrid;
import arena.core.Execution;
import arena.core.Fraction;
import arena.core.Schedule;
import arena.core.Strategy;
import arena.core.StrategyProvider;
import arena.core.WorkerFailedException;
import arena.core.concurrent.Uninterruptibly;
import arena.core.input.InvalidInputException;
import arena.core.problem.JuliaParams;
import java.lang.ref.WeakReference;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code openmp}: the whole grid in one native call, an OpenMP {@code parallel for} over rows with
 * the run's schedule ({@code omp_set_schedule}, {@code schedule(runtime)}) and
 * {@code num_threads(threads)}. Every native call runs on one platform thread the strategy owns,
 * {@code arena-openmp-caller}, because libgomp keeps a thread team per calling thread; {@link #close}
 * ends that team there ({@code arena_close}, {@code omp_pause_resource_all}) and then the thread.
 *
 * <p>Cancellation: an interrupt of the waiting caller (Ctrl-C, {@code --timeout}) sets the native
 * cancel flag; the loop stops at its next poll, the caller waits for it, keeps its interrupt flag and
 * gets a {@link CancellationException}. A native error status comes back as a
 * {@link WorkerFailedException} whose cause ({@link NativeFailure}) says what was wrong.
 *
 * <p>Memory: the grid is computed into an off-heap buffer and copied into the returned grid's array
 * (a heap array can be passed only as a critical call, which would hold off the GC for the whole
 * run). The fraction of the grid just computed is the reduction made in the same parallel loop
 * (the chapter's {@code julia_fraction}); any other grid is counted by a second OpenMP reduction.
 *
 * <p>Timeline: when the execution carries a recorder, the native loop notes per row its OpenMP thread
 * and {@code CLOCK_MONOTONIC} times, and after the run every row goes to the recorder as one chunk
 * by the rule of {@link NativeRowTimes}; unrecorded runs measure nothing per row.
 *
 * <p>Threading: as {@link Strategy}: one caller at a time; {@link #close} from any thread.
 */
final class OpenMpStrategy implements Strategy {

    private final StrategyProvider provider;
    private final int threads;
    private final OpenMpLibrary library;
    private final OpenMpSession session;
    private final AtomicReference<Thread> callerThread = new AtomicReference<>();
    private final ExecutorService caller;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The last grid computed, its n_max and the cells at n_max the loop reduced; the caller's thread only. */
    private WeakReference<CountGrid> lastGrid = new WeakReference<>(null);
    private int lastNMax;
    private long lastAtNMax;

    OpenMpStrategy(StrategyProvider provider, int threads, OpenMpLibrary library) {
        this.provider = provider;
        this.threads = threads;
        this.library = library;
        this.session = library.openSession();
        this.caller = Executors.newSingleThreadExecutor(task -> {
            Thread thread = Thread.ofPlatform().name("arena-openmp-caller").daemon(true).unstarted(task);
            callerThread.set(thread);
            return thread;
        });
    }

    /** The OpenMP team's size, {@code num_threads}. */
    @Override
    public int threads() {
        return threads;
    }

    @Override
    public String name() {
        return provider.name();
    }

    /**
     * @throws InvalidInputException for a schedule openmp lacks, a JVM kernel, or {@code c-avx512} on a CPU without it
     * @throws IllegalStateException after {@link #close}
     */
    @Override
    public CountGrid compute(JuliaParams params, Execution execution) {
        requireOpen();
        NativeKernel kernel = nativeKernel(execution);
        provider.capabilities().requireSupported(name(), execution.schedule());
        Schedule schedule = execution.schedule();
        int kind = switch (schedule) {
            case Schedule.Static s -> 0;
            case Schedule.Dynamic d -> 1;
            case Schedule.Guided g -> 2;
            default -> throw new InvalidInputException("schedule", "strategy 'openmp' has no schedule '" + schedule.spec() + "'");
        };
        int chunk = switch (schedule) {
            case Schedule.Static(int c) -> c;
            case Schedule.Dynamic(int c) -> c;
            case Schedule.Guided(int c) -> c;
            default -> 0;
        };
        return computeNative(params, kernel, kind, chunk, execution.recorder());
    }

    /**
     * The grid of {@code params} with {@code kernel}, schedule {@code kind} (0 static, 1 dynamic, 2 guided) and {@code chunk},
     * unchecked; a {@code recorder} (or null) gets every row as a chunk, by the rule of {@link NativeRowTimes}, once the run is done.
     */
    CountGrid computeNative(JuliaParams params, NativeKernel kernel, int kind, int chunk, ChunkRecorder recorder) {
        int[] counts = new int[params.cellCount()];
        long[] rowTimes = recorder == null ? null : NativeRowTimes.forRows(params.size());
        long atNMax = onCallerThread(() -> session.julia(params, kernel.code(), threads, kind, chunk, counts, rowTimes));
        CountGrid grid = new CountGrid(params.size(), counts);
        if (recorder != null) {
            NativeRowTimes.report(rowTimes, grid, recorder);
        }
        lastGrid = new WeakReference<>(grid);
        lastNMax = params.nMax();
        lastAtNMax = atNMax;
        return grid;
    }

    @Override
    public double fraction(CountGrid grid, int maxval) {
        requireOpen();
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("openmp: the caller was interrupted before the count");
        }
        long count = lastGrid.get() == grid && lastNMax == maxval ? lastAtNMax
                : onCallerThread(() -> session.countEqual(grid, maxval, threads));
        return Fraction.of(count, grid.cellCount());
    }

    /** Ends libgomp's teams on the caller thread, frees the native memory, then ends that thread; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Future<?> closing = caller.submit(session::close);
        caller.shutdown();
        try {
            Uninterruptibly.get(closing, () -> { });
        } catch (ExecutionException e) {
            throw new IllegalStateException("openmp: closing the native library failed", e.getCause());
        } finally {
            Uninterruptibly.await(() -> caller.awaitTermination(1, TimeUnit.DAYS), () -> { });
            Thread thread = callerThread.get();
            if (thread != null) {
                Uninterruptibly.join(thread, () -> { });
            }
        }
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("strategy 'openmp' is closed");
        }
    }

    private NativeKernel nativeKernel(Execution execution) {
        if (!(execution.kernel() instanceof NativeKernel kernel)) {
            throw new InvalidInputException("kernel", "strategy 'openmp' runs only its native kernels ("
                    + provider.capabilities().kernelLabels() + "), not '" + execution.kernel().name() + "'");
        }
        if (kernel == NativeKernel.C_AVX512 && !library.hasAvx512()) {
            throw new InvalidInputException("kernel", "kernel 'c-avx512' of strategy 'openmp' is unavailable: this CPU lacks AVX-512F");
        }
        return kernel;
    }

    /**
     * Runs {@code call} on the caller thread and waits; an interrupt meanwhile sets the cancel flag
     * and still waits for the native loop to stop.
     */
    private long onCallerThread(Callable<Long> call) {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("openmp: the caller was interrupted before the run");
        }
        session.clearCancel();
        Future<Long> running = caller.submit(call);
        try {
            long result = Uninterruptibly.get(running, session::cancel);
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("openmp: interrupted; the native loop ended first");
            }
            return result;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof NativeFailure failure && failure.status() == NativeFailure.CANCELLED
                    && Thread.currentThread().isInterrupted()) {
                throw new CancellationException("openmp: interrupted; the native loop stopped at its cancel flag");
            }
            throw new WorkerFailedException(name(), e.getCause());
        }
    }
}
