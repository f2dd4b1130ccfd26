package arena.core;

import arena.core.concurrent.FirstFailure;
import arena.core.concurrent.StopOnFailure;
import arena.core.concurrent.StopSignal;
import arena.core.concurrent.TaskStarter;
import arena.core.kernel.Kernel;
import arena.core.problem.JuliaParams;
import java.util.concurrent.CancellationException;

/**
 * One grid being computed: the problem, the kernel, the chunk plan and the counts array, plus the
 * first failure of any worker. Every strategy drives its workers through a job, so chunking, the
 * kernel call, failure bookkeeping and the mapping of a plan to tasks ({@link #startUnits}) are
 * written once. A job is the {@link StopOnFailure} that the shared idioms of
 * {@code arena.core.concurrent} (e.g. its {@code RailGuard}) stop and fail.
 *
 * <p>Threading: {@link #compute}, {@link #stopped()} and {@link #fail} may be called from any
 * number of workers at once, for disjoint chunks. {@link #finish()} is called once, by the thread
 * that started the job, after every worker has finished and that end has been made visible to it
 * (a join, a future, a reply message); then it hands the grid out.
 */
public final class GridJob implements StopOnFailure {

    /**
     * The most rows handed to the kernel at once. The built-in kernels notice a stopped job inside a
     * piece, through the {@link StopSignal} polled in their escape loops; between pieces it is noticed
     * even with a kernel that does not poll (test kernels, wrappers).
     */
    public static final int STOP_CHECK_ROWS = 16;

    private final String strategy;
    private final JuliaParams params;
    private final Kernel kernel;
    private final Schedule schedule;
    private final ChunkRecorder recorder;
    private final ChunkPlan plan;
    private final int[] counts;
    private final FirstFailure failure = new FirstFailure();
    private final StopSignal stopSignal = this::stopRequested;

    /**
     * Plans {@code params}' rows for {@code workers} workers with the execution's schedule.
     *
     * @param strategy the name reported when a worker fails
     */
    public GridJob(String strategy, JuliaParams params, Execution execution, int workers) {
        this.strategy = strategy;
        this.params = params;
        this.kernel = execution.kernel();
        this.schedule = execution.schedule();
        this.recorder = execution.recorder();
        this.plan = schedule.plan(params.size(), workers);
        this.counts = new int[params.cellCount()];
    }

    /** The problem. */
    public JuliaParams params() {
        return params;
    }

    /** The schedule the plan was made with; a strategy may follow its family's own idiom (split). */
    public Schedule schedule() {
        return schedule;
    }

    /** How the rows are divided. */
    public ChunkPlan plan() {
        return plan;
    }

    /** Computes chunk {@code id} of the plan. */
    public void compute(int id) {
        compute(plan.chunk(id));
    }

    /**
     * Computes a band of rows through the kernel; exceptions of the kernel propagate. The kernel
     * gets a {@link StopSignal} raised once the job is {@link #stopped()} or the computing thread is
     * interrupted, so a failure, a cancellation or an interrupt stops it even inside one long pixel
     * (within {@link StopSignal#POLL_UPDATES} updates). A band longer than {@link #STOP_CHECK_ROWS}
     * rows goes to the kernel in pieces of that many rows, and the rest is skipped once the job is
     * stopped. An interrupt of the computing thread (the caller's, for the sequential strategy; a
     * pool's, when it is shut down) cancels the job, and the thread keeps its interrupt flag; a
     * kernel that returns early always leaves the job stopped, so {@link #finish()} never hands out
     * its incomplete band. When the execution is recorded, a completed band is reported to the
     * recorder with the calling thread's name; when a JFR recording enables {@link ChunkEvent}, it is
     * committed as one (one check per band when neither is on).
     */
    public void compute(RowRange rows) {
        long start = recorder == null ? 0 : System.nanoTime();
        ChunkEvent event = new ChunkEvent();
        event.begin();
        for (int from = rows.start(); from < rows.end(); from += STOP_CHECK_ROWS) {
            if (stopped() || cancelledByInterrupt()) {
                return;
            }
            if (!kernel.computeRows(params, counts, from, Math.min(rows.end(), from + STOP_CHECK_ROWS), stopSignal)) {
                kernelStoppedEarly();
                return;
            }
        }
        if (cancelledByInterrupt()) {
            return;
        }
        event.end();
        if (recorder != null || event.shouldCommit()) {
            report(event, Thread.currentThread().getName(), rows, start, recorder == null ? 0 : System.nanoTime());
        }
    }

    /**
     * Places rows computed elsewhere (by a remote worker) into the grid: {@code rowCounts} holds the
     * counts of {@code rows}, row-major. When the execution is recorded, the chunk is reported with
     * {@code worker} as its worker and the given times; a {@link ChunkEvent} for it is an instant
     * event at its arrival (the times are another JVM's).
     *
     * @throws IllegalArgumentException when {@code rowCounts} does not hold exactly those rows
     */
    public void accept(RowRange rows, int[] rowCounts, String worker, long startNanos, long endNanos) {
        accept(rows, rowCounts);
        ChunkEvent event = new ChunkEvent();
        if (recorder != null || event.shouldCommit()) {
            report(event, worker, rows, startNanos, endNanos);
        }
    }

    /**
     * Places rows computed elsewhere into the grid without recording them: a part of a chunk whose
     * times are reported once, for the whole chunk, with {@link #recordRemote}.
     *
     * @throws IllegalArgumentException when {@code rowCounts} does not hold exactly those rows
     */
    public void accept(RowRange rows, int[] rowCounts) {
        int n = params.size();
        if (rows.end() > n || rowCounts.length != rows.rows() * n) {
            throw new IllegalArgumentException("rows " + rows + " of a " + n + "-wide grid need " + ((long) rows.rows() * n)
                    + " counts, got " + rowCounts.length);
        }
        System.arraycopy(rowCounts, 0, counts, rows.start() * n, rowCounts.length);
    }

    /**
     * When the execution is recorded, reports a chunk whose rows were {@link #accept accepted} from
     * another node, with the times of {@link ChunkRecorder#recordRemote} (this JVM's clock) and the
     * iterations its accepted counts took; otherwise does nothing.
     */
    public void recordRemote(String worker, RowRange rows, long sentNanos, long startNanos, long endNanos, long receivedNanos) {
        if (recorder != null) {
            recorder.recordRemote(worker, rows, sentNanos, startNanos, endNanos, receivedNanos, iterations(rows));
        }
    }

    /** Hands a completed chunk to the recorder and to JFR, whichever is on; its iterations are summed once. */
    private void report(ChunkEvent event, String worker, RowRange rows, long startNanos, long endNanos) {
        long iterations = iterations(rows);
        if (recorder != null) {
            recorder.record(worker, rows, startNanos, endNanos, iterations);
        }
        if (event.shouldCommit()) {
            event.describe(strategy, worker, rows, iterations);
            event.commit();

        }
    }

    /** What the kernel polls: a failure or cancellation recorded, or the computing thread interrupted. */
    private boolean stopRequested() {
        return failure.stopped() || Thread.currentThread().isInterrupted();
    }

    /**
     * The kernel returned with its band incomplete: it saw the stop signal, so the job has failed or
     * been cancelled, or the thread was interrupted (which cancels the job now); should a kernel stop
     * without either, the job fails all the same. Either way nothing hands out the grid.
     */
    private void kernelStoppedEarly() {
        if (!cancelledByInterrupt() && !stopped()) {
            fail(new IllegalStateException("kernel '" + kernel.name() + "' stopped before the end of its rows without a stop request"));
        }
    }

    private boolean cancelledByInterrupt() {
        if (Thread.currentThread().isInterrupted()) {
            cancel("the computing thread " + Thread.currentThread().getName() + " was interrupted");
            return true;
        }
        return false;
    }

    private long iterations(RowRange rows) {
        long sum = 0;
        for (int k = rows.start() * params.size(), end = rows.end() * params.size(); k < end; k++) {
            sum += counts[k];
        }
        return sum;
    }

    /**
     * Computes the chunks of a pre-assigned plan that belong to {@code worker}, stopping early once
     * the job is {@link #stopped()}. Exceptions propagate to the caller, the worker's own code.
     */
    public void computeOwnedChunks(int worker) {
        for (int id = worker; id < plan.size() && !stopped(); id += plan.workers()) {
            compute(id);
        }
    }

    /**
     * Takes chunks from {@code queue} and computes them until none is left or the job is
     * {@link #stopped()}. Exceptions propagate to the caller, the worker's own code.
     */
    public void computeQueuedChunks(ChunkQueue queue) {
        int id;
        while (!stopped() && (id = queue.next()) >= 0) {
            compute(id);
        }
    }

    /**
     * The units of a task-per-unit model (one task, stage or rail signal per unit): for a pre-assigned
     * plan one per worker that owns a chunk, {@code min(workers, chunks)}, for a shared plan one per
     * chunk. Unit {@code u} is computed by {@link #computeUnit}.
     */
    public int units() {
        return plan.preassigned() ? Math.min(plan.workers(), plan.size()) : plan.size();
    }

    /**
     * Computes unit {@code unit} (see {@link #units()}): the chunks worker {@code unit} owns, in order,
     * or chunk {@code unit}. Exceptions propagate to the caller, the worker's own code.
     */
    public void computeUnit(int unit) {
        if (plan.preassigned()) {
            computeOwnedChunks(unit);
        } else {
            compute(unit);
        }
    }

    /**
     * Hands a task per unit to {@code starter}, in unit order, each computing its unit with
     * {@link #computeUnit}; stops handing out once the job is {@link #stopped()}. An exception of the
     * starter (a pool that refused a task) propagates, and no further task is handed out.
     */
    public <X extends Exception> void startUnits(TaskStarter<X> starter) throws X {
        for (int u = 0, units = units(); u < units && !stopped(); u++) {
            int unit = u;
            starter.start(() -> computeUnit(unit));
        }
    }

    /** Whether a worker failed or the job was cancelled; workers check it between chunks and pieces. */
    @Override
    public boolean stopped() {
        return failure.stopped();
    }

    /** Records a worker's failure; the first one wins and the job stops. */
    @Override
    public void fail(Throwable cause) {
        failure.fail(cause);
    }

    /**
     * Stops the job: the built-in kernels return within {@link StopSignal#POLL_UPDATES} updates,
     * workers skip the rest of their chunk and take no more.
     */
    public void cancel(String reason) {
        fail(new CancellationException(reason));
    }

    /**
     * The finished grid.
     *
     * @throws WorkerFailedException when a worker failed, with the original exception as its cause
     * @throws CancellationException when the job was cancelled
     */
    public CountGrid finish() {
        Throwable cause = failure.cause();
        if (cause instanceof CancellationException cancelled) {
            throw cancelled;
        }
        if (cause != null) {
            throw new WorkerFailedException(strategy, cause);
        }
        return new CountGrid(params.size(), counts);
    }
}
