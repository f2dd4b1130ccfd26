package arena.strategy.akkacluster;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.TimerScheduler;
import akka.actor.typed.receptionist.Receptionist;
import arena.strategy.akkacluster.Protocol.ChunkDone;
import arena.strategy.akkacluster.Protocol.ChunkFailed;
import arena.strategy.akkacluster.Protocol.ChunkTimes;
import arena.strategy.akkacluster.Protocol.WorkerCommand;
import arena.strategy.akkacluster.Protocol.WorkerReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * The coordinator node's root actor: it follows the worker nodes through the receptionist and runs
 * one {@link Run} at a time on them, keeping at most {@code capacity} chunks in flight per worker
 * (see {@link ChunkBook} for who gets which chunk).
 *
 * <p>Failures. The receptionist lists only reachable workers, so a worker that crashes, leaves or
 * stops answering heartbeats drops out of the listing (after about 1.7 s with --fast-failure-detection)
 * and its unfinished chunks go to the others; if it comes back, its late answers are dropped as
 * duplicates by the run. A chunk that fails on a worker, or the caller's {@link Cancel}, stops the
 * run at once: every worker given a chunk of it is told to abandon the run ({@link
 * Protocol.CancelRun}: its kernels stop inside the pixel, its queued and later chunks of the run are
 * dropped), and the failure is replied without waiting for the chunks in flight, whose late
 * answers are ignored as those of a finished job. When no worker is left, the run waits {@code noWorkerWait} for one to (re)join, then
 * fails with a message that says so. When this node itself is removed from the cluster (downed by
 * the split-brain resolver after losing every worker), the run fails at once, and so does every
 * later one.
 *
 * <p>Threading: as any actor; the strategy talks to it only through messages.
 */
final class Coordinator extends AbstractBehavior<Coordinator.Command> {

    /** What the coordinator handles: the strategy's requests, its own events and the workers' answers. */
    sealed interface Command permits RunJob, Cancel, WorkersChanged, NodeRemoved, NoWorkerDeadline, WorkerReply {
    }

    /** Run {@code run}; {@code replyTo} gets the {@link Outcome} once no chunk is in flight any more. */
    record RunJob(Run run, ActorRef<Outcome> replyTo) implements Command {
    }

    /** Stop job {@code job} now: tell its workers to abandon it and reply with a {@link CancellationException}. */
    record Cancel(long job) implements Command {
    }

    /** The receptionist's current listing of workers. */
    record WorkersChanged(Receptionist.Listing listing) implements Command {
    }

    /** This node is no longer a cluster member. */
    record NodeRemoved() implements Command {
    }

    /** Job {@code job} has waited long enough for a worker. */
    record NoWorkerDeadline(long job) implements Command {
    }

    /**
     * The end of a run.
     *
     * @param run     the run, holding its result when {@code failure} is {@code null}
     * @param failure the first failure ({@link CancellationException} when cancelled), or {@code null}
     */
    record Outcome(Run run, Throwable failure) {
    }

    private static final String NO_WORKER_TIMER = "no-worker";

    private final TimerScheduler<Command> timers;
    private final CoordinatorStatus status;
    private final int capacity;
    private final Duration noWorkerWait;
    private final ActorRef<WorkerReply> replies;
    private final Set<ActorRef<WorkerCommand>> workers = new LinkedHashSet<>();
    private boolean removed;
    private Run run;
    private ActorRef<Outcome> replyTo;
    private ChunkBook<ActorRef<WorkerCommand>> book;
    private final Set<ActorRef<WorkerCommand>> engaged = new LinkedHashSet<>();
    private boolean waitingForWorker;

    private Coordinator(ActorContext<Command> context, TimerScheduler<Command> timers, CoordinatorStatus status,
            int capacity, Duration noWorkerWait) {
        super(context);
        this.timers = timers;
        this.status = status;
        this.capacity = capacity;
        this.noWorkerWait = noWorkerWait;
        this.replies = context.getSelf().narrow();
        ActorRef<Receptionist.Listing> listings = context.messageAdapter(Receptionist.Listing.class, WorkersChanged::new);
        context.getSystem().receptionist().tell(Receptionist.subscribe(Protocol.WORKERS, listings));
    }

    /**
     * A coordinator keeping up to {@code capacity} chunks in flight per worker, waiting up to
     * {@code noWorkerWait} for a worker when none is left.
     */
    static Behavior<Command> create(CoordinatorStatus status, int capacity, Duration noWorkerWait) {
        return Behaviors.setup(context -> Behaviors.withTimers(
                timers -> new Coordinator(context, timers, status, capacity, noWorkerWait)));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(RunJob.class, this::onRunJob)
                .onMessage(ChunkDone.class, this::onChunkDone)
                .onMessage(ChunkTimes.class, this::onChunkTimes)
                .onMessage(ChunkFailed.class, this::onChunkFailed)
                .onMessage(WorkersChanged.class, this::onWorkersChanged)
                .onMessage(Cancel.class, this::onCancel)
                .onMessage(NoWorkerDeadline.class, this::onNoWorkerDeadline)
                .onMessage(NodeRemoved.class, this::onNodeRemoved)
                .build();
    }

    private Behavior<Command> onRunJob(RunJob start) {
        if (run != null) {
            start.replyTo().tell(new Outcome(start.run(), new IllegalStateException("a run is already in progress")));
            return this;
        }
        run = start.run();
        replyTo = start.replyTo();
        book = null;
        engaged.clear();
        status.runStarted();
        if (removed) {
            return finish(removedFailure());
        }
        if (workers.isEmpty()) {
            awaitWorker();
        } else {
            begin();
        }
        return this;
    }

    private Behavior<Command> onChunkDone(ChunkDone part) {
        if (!isCurrent(part.job()) || book == null) {
            return this;
        }
        boolean complete;
        try {
            complete = run.accept(part);
        } catch (IllegalStateException e) {
            book.release(part.chunk());
            return stop(e);
        }
        if (complete) {
            ActorRef<WorkerCommand> holder = book.complete(part.chunk());
            status.chunkDone(holder == null ? null : ClusterSettings.hostPort(holder.path().address()));
            if (book.finished()) {
                return finish(null);
            }
            return dispatch();
        }
        return this;
    }

    private Behavior<Command> onChunkTimes(ChunkTimes times) {
        if (!isCurrent(times.job()) || book == null) {
            return this;
        }
        try {
            run.timed(times);
        } catch (IllegalStateException e) {
            return stop(e);
        }
        return this;
    }

    private Behavior<Command> onChunkFailed(ChunkFailed failed) {
        if (!isCurrent(failed.job()) || book == null) {
            return this;
        }
        book.release(failed.chunk());
        return stop(new RemoteWorkerException(failed.className(), failed.message()));
    }

    private Behavior<Command> onCancel(Cancel cancel) {
        return isCurrent(cancel.job()) ? stop(new CancellationException("the caller was interrupted")) : this;
    }

    private Behavior<Command> onWorkersChanged(WorkersChanged changed) {
        Set<ActorRef<WorkerCommand>> listed = changed.listing().getServiceInstances(Protocol.WORKERS);
        for (ActorRef<WorkerCommand> gone : new ArrayList<>(workers)) {
            if (!listed.contains(gone)) {
                workers.remove(gone);
                if (book != null) {
                    status.requeued(book.removeWorker(gone));
                }
            }
        }
        for (ActorRef<WorkerCommand> fresh : listed) {
            if (workers.add(fresh) && book != null) {
                book.addWorker(fresh);
            }
        }
        status.workers(workers.size());
        if (run == null) {
            return this;
        }
        if (workers.isEmpty()) {
            awaitWorker();
            return this;
        }
        stopWaiting();
        if (book == null) {
            begin();
            return this;
        }
        return dispatch();
    }

    private Behavior<Command> onNoWorkerDeadline(NoWorkerDeadline deadline) {
        if (!isCurrent(deadline.job()) || !workers.isEmpty()) {
            return this;
        }
        String left = book == null ? "no chunk was computed" : book.remaining() + " of " + book.size() + " chunks were not computed";
        return finish(new IllegalStateException("no worker node remains in the cluster: waited " + noWorkerWait.toSeconds()
                + " s for one to join, " + left));
    }

    private Behavior<Command> onNodeRemoved(NodeRemoved event) {
        removed = true;
        return run == null ? this : finish(removedFailure());
    }

    private static IllegalStateException removedFailure() {
        return new IllegalStateException("no worker node remains: this coordinator node was removed from the cluster (the "
                + "split-brain resolver downs a coordinator cut off from every worker); close the strategy and open it again "
                + "once workers run");
    }

    private boolean isCurrent(long job) {
        return run != null && run.job() == job;
    }

    private void begin() {
        List<ActorRef<WorkerCommand>> present = List.copyOf(workers);
        book = new ChunkBook<>(run.begin(present.size() * capacity), present);
        dispatch();
    }

    private Behavior<Command> dispatch() {
        for (ActorRef<WorkerCommand> worker : workers) {
            int id;
            while (book.inFlight(worker) < capacity && (id = book.next(worker)) >= 0) {
                worker.tell(run.command(id, replies));
                engaged.add(worker);
            }
        }
        return this;
    }

    private void awaitWorker() {
        if (!waitingForWorker) {
            waitingForWorker = true;
            timers.startSingleTimer(NO_WORKER_TIMER, new NoWorkerDeadline(run.job()), noWorkerWait);
        }
    }

    private void stopWaiting() {
        waitingForWorker = false;
        timers.cancel(NO_WORKER_TIMER);
    }

    /** Ends the run with {@code cause} now, telling every worker that got a chunk of it to abandon it. */
    private Behavior<Command> stop(Throwable cause) {
        Protocol.CancelRun cancel = new Protocol.CancelRun(run.job());
        engaged.forEach(worker -> worker.tell(cancel));
        return finish(cause);
    }

    private Behavior<Command> finish(Throwable cause) {
        stopWaiting();
        replyTo.tell(new Outcome(run, cause));
        run = null;
        replyTo = null;
        book = null;
        engaged.clear();
        return this;
    }
}
