package arena.strategy.akkacluster;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.DispatcherSelector;
import akka.actor.typed.PostStop;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.receptionist.Receptionist;
import arena.core.RowRange;
import arena.core.concurrent.StopSignal;
import arena.core.kernel.Kernels;
import arena.core.problem.JuliaParams;
import arena.strategy.akkacluster.Protocol.CancelRun;
import arena.strategy.akkacluster.Protocol.ChunkDone;
import arena.strategy.akkacluster.Protocol.ChunkFailed;
import arena.strategy.akkacluster.Protocol.ChunkTimes;
import arena.strategy.akkacluster.Protocol.ComputeChunk;
import arena.strategy.akkacluster.Protocol.CountRows;
import arena.strategy.akkacluster.Protocol.WorkerCommand;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * A worker node's actor: computes the chunks it is sent on the node's worker dispatcher (one thread
 * per {@code --threads}, so that many chunks at once) and answers each with {@link ChunkDone} parts
 * (see {@link Protocol}), or with {@link ChunkFailed} carrying the exception's class name and
 * message: a kernel exception never reaches supervision, and the worker stays ready.
 *
 * <p>The kernel writes rows at their place in a whole grid, so the node keeps one grid-sized buffer
 * per job (the last two jobs), which the chunks of that job share: they are disjoint rows, and each
 * part is copied out by the thread that computed it. The actor itself only hands chunks to the
 * dispatcher, so it is never busy while heartbeats and new chunks arrive.
 *
 * <p>The kernel polls a stop signal per job, raised when the coordinator abandons the job
 * ({@link CancelRun}: its run was cancelled or failed), when this actor stops (its node leaves or
 * shuts down) or when its dispatcher thread is interrupted, so chunks in flight end within
 * milliseconds instead of computing on, even inside one pixel at {@code n_max = 2^31-1}. A chunk
 * stopped by a cancel or by the node's end gets no answer (the coordinator no longer waits for a
 * cancelled run, and requeues a lost worker's chunks); one stopped by an interrupt is answered with
 * {@link ChunkFailed}. Chunks of an abandoned job that are still queued, or that arrive later, are
 * dropped unanswered; the worker stays ready for the next job.
 *
 * <p>Threading: as any actor; the computing happens on dispatcher threads, which reply directly and
 * read the stop flags, written by the actor (volatile fields).
 */
final class ChunkWorker extends AbstractBehavior<WorkerCommand> {

    private static final int BUFFERED_JOBS = 2;

    /** Jobs whose stop flags are remembered: far more than a coordinator can interleave (it runs one at a time). */
    private static final int SIGNALLED_JOBS = 16;

    private final Executor executor;
    private final String node;
    private volatile boolean stopping;
    private final Map<Long, int[]> buffers = lastUsed(BUFFERED_JOBS);
    private final Map<Long, JobSignal> signals = lastUsed(SIGNALLED_JOBS);

    private ChunkWorker(ActorContext<WorkerCommand> context) {
        super(context);
        this.executor = context.getSystem().dispatchers().lookup(DispatcherSelector.fromConfig(ClusterSettings.WORKER_DISPATCHER));
        this.node = ClusterSettings.hostPort(context.getSystem().address());
    }

    /** A map that forgets its least recently used entry beyond {@code capacity}; confined to the actor. */
    private static <V> Map<Long, V> lastUsed(int capacity) {
        return new LinkedHashMap<>(4, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * One job's stop signal on this node: raised by the coordinator's {@link CancelRun}, or for every
     * job once the actor stops, or for one thread when it is interrupted. Raised by the actor, read by
     * the job's computing threads.
     */
    private final class JobSignal implements StopSignal {
        private volatile boolean cancelled;

        @Override
        public boolean stopRequested() {
            return cancelled || stopping || Thread.currentThread().isInterrupted();
        }

        /** Whether the coordinator abandoned the job (rather than the thread being interrupted). */
        boolean abandoned() {
            return cancelled || stopping;
        }
    }

    /** The worker actor alone, unregistered; it computes on the system's {@link ClusterSettings#WORKER_DISPATCHER}. */
    static Behavior<WorkerCommand> create() {
        return Behaviors.setup(ChunkWorker::new);
    }

    /**
     * A worker node's root: spawns the worker actor, registers it with the receptionist and
     * completes {@code registered} once the registration is acknowledged.
     */
    static Behavior<Receptionist.Registered> node(CompletableFuture<Void> registered) {
        return Behaviors.setup(context -> {
            ActorRef<WorkerCommand> worker = context.spawn(create(), "worker");
            context.getSystem().receptionist().tell(Receptionist.register(Protocol.WORKERS, worker, context.getSelf()));
            return Behaviors.receive(Receptionist.Registered.class)
                    .onMessage(Receptionist.Registered.class, ack -> {
                        registered.complete(null);
                        return Behaviors.same();
                    })
                    .build();
        });
    }

    @Override
    public Receive<WorkerCommand> createReceive() {
        return newReceiveBuilder()
                .onMessage(WorkerCommand.class, this::onCommand)
                .onSignal(PostStop.class, signal -> {
                    stopping = true;
                    return this;
                })
                .build();
    }

    /** One exhaustive switch over the sealed protocol: a command added to it without a handler does not compile. */
    private Behavior<WorkerCommand> onCommand(WorkerCommand command) {
        switch (command) {
            case ComputeChunk chunk -> onComputeChunk(chunk);
            case CountRows band -> onCountRows(band);
            case CancelRun cancel -> onCancelRun(cancel);
        }
        return this;
    }

    private void onComputeChunk(ComputeChunk chunk) {
        JobSignal signal = signal(chunk.job());
        if (signal.abandoned()) {
            return;
        }
        int[] buffer;
        try {
            buffer = buffers.get(chunk.job());
            if (buffer == null || buffer.length != chunk.params().cellCount()) {
                buffer = new int[chunk.params().cellCount()];
                buffers.put(chunk.job(), buffer);
            }
        } catch (OutOfMemoryError e) {
            chunk.replyTo().tell(new ChunkFailed(chunk.job(), chunk.chunk(), e.getClass().getName(),
                    "the worker node has no memory for a grid of " + chunk.params().cellCount() + " cells"));
            return;
        }
        int[] grid = buffer;
        long arrived = System.nanoTime();
        submit(() -> compute(chunk, grid, signal, arrived));
    }

    /**
     * The short name a computing thread reports: {@code worker-N} for the dispatcher's thread number
     * N (the name itself when it ends in no number); a node's lanes on the coordinator's timeline
     * read {@code host:port/worker-N}.
     */
    static String laneName(String threadName) {
        int digits = threadName.length();
        while (digits > 0 && Character.isDigit(threadName.charAt(digits - 1))) {
            digits--;
        }
        return digits == threadName.length() ? threadName : "worker-" + threadName.substring(digits);
    }

    private void onCountRows(CountRows band) {
        JobSignal signal = signal(band.job());
        submit(() -> {
            if (signal.abandoned()) {
                return;
            }
            long count = 0;
            for (int cell : band.cells()) {
                if (cell == band.value()) {
                    count++;
                }
            }
            band.replyTo().tell(new ChunkDone(band.job(), band.chunk(), 0, count, new int[0]));
        });
    }

    private void onCancelRun(CancelRun cancel) {
        signal(cancel.job()).cancelled = true;
        buffers.remove(cancel.job());
    }

    private JobSignal signal(long job) {
        return signals.computeIfAbsent(job, ignored -> new JobSignal());
    }

    private void submit(Runnable work) {
        try {
            executor.execute(work);
        } catch (RejectedExecutionException e) {
            // the node is shutting down; the coordinator hands the chunk to another worker
        }
    }

    /**
     * Runs on a dispatcher thread: the kernel, then for a timed chunk its {@link ChunkTimes} (from
     * {@code arrivedNanos}, when the actor took the chunk, on this node's clock), and the parts, or the failure; no answer
     * once the job is abandoned.
     */
    private void compute(ComputeChunk chunk, int[] grid, JobSignal signal, long arrivedNanos) {
        if (signal.abandoned()) {
            return;
        }
        try {
            JuliaParams params = chunk.params();
            RowRange rows = chunk.rows();
            long start = System.nanoTime();
            boolean complete = Kernels.byName(chunk.kernel()).computeRows(params, grid, rows.start(), rows.end(), signal);
            long end = System.nanoTime();
            if (!complete) {
                if (!signal.abandoned()) {
                    chunk.replyTo().tell(new ChunkFailed(chunk.job(), chunk.chunk(), CancellationException.class.getName(),
                            "the worker's computing thread " + Thread.currentThread().getName() + " was interrupted"));
                }
                return;
            }
            if (chunk.timed()) {
                chunk.replyTo().tell(new ChunkTimes(chunk.job(), chunk.chunk(), node + "/" + laneName(Thread.currentThread().getName()),
                        start - arrivedNanos, end - start));
            }
            int size = params.size();
            int perPart = Protocol.rowsPerPart(size);
            for (int first = rows.start(); first < rows.end(); first += perPart) {
                int[] counts = Arrays.copyOfRange(grid, first * size, Math.min(rows.end(), first + perPart) * size);
                long atMax = 0;
                for (int count : counts) {
                    if (count == params.nMax()) {
                        atMax++;
                    }
                }
                chunk.replyTo().tell(new ChunkDone(chunk.job(), chunk.chunk(), first, atMax, counts));
            }
        } catch (RuntimeException | Error e) {
            chunk.replyTo().tell(new ChunkFailed(chunk.job(), chunk.chunk(), e.getClass().getName(), e.getMessage()));
        }
    }
}
