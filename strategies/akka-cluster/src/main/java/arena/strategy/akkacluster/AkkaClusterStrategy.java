package arena.strategy.akkacluster;

import akka.Done;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.AskPattern;
import arena.core.CountGrid;
import arena.core.Execution;
import arena.core.Fraction;
import arena.core.GridJob;
import arena.core.Schedule;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.StrategyProvider;
import arena.core.WorkerFailedException;
import arena.core.input.InvalidInputException;
import arena.core.kernel.Kernel;
import arena.core.kernel.Kernels;
import arena.core.problem.JuliaParams;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Akka Cluster Typed: a coordinator node hands the schedule's row chunks to worker nodes (other
 * JVMs, or other actor systems) over Artery TCP and assembles the rows they send back. Worker nodes
 * may crash, leave or join during a run: a lost worker's unfinished chunks go to the others, each
 * row is taken once, and the grid stays bit-identical (see {@link Coordinator}, {@link ChunkBook}).
 *
 * <p>{@code threads} is the parallelism per worker node: the coordinator keeps that many chunks in
 * flight at each worker, and {@code local-workers} starts its JVMs with that many computing threads
 * each (workers started by {@code arena worker} have their own {@code --threads}; keep the two
 * equal). Static schedules are planned for {@code workers x threads} slots and pre-assign chunk
 * {@code id} to worker {@code id % workers}; dynamic and guided are handed out in plan order.
 *
 * <p>The kernel runs on the workers, which know kernels only by name: a kernel instance that
 * {@link Kernels#byName} does not return is refused before anything runs. The count at n_max comes
 * back with the chunks, so {@link #fraction} of the grid just computed, at its n_max, is that sum;
 * any other grid or value is counted on the workers by shipping them the grid's rows.
 *
 * <p>A grid goes through a {@link GridJob} like every model's: the job plans the chunks (for the
 * worker nodes known when the run starts, times {@code threads}), the workers' rows land in it with
 * {@link GridJob#accept(arena.core.RowRange, int[])}, each chunk is reported to the execution's
 * recorder with its time in flight ({@link GridJob#recordRemote}: one timeline lane per worker node
 * thread, {@code host:port/worker-N}), and the job's {@link GridJob#finish()} hands out the grid or
 * maps the coordinator's failure (a {@link WorkerFailedException} with the remote cause, or the
 * {@link CancellationException} of a cancelled run). It implements {@link Strategy} itself rather
 * than extending {@link arena.core.AbstractStrategy}, whose plan is sized by {@code threads} alone.
 *
 * <p>Threading: one caller at a time, as {@link Strategy}; the caller waits for the coordinator's
 * reply, sent after the last row was copied into the job's grid, which makes the grid visible to it.
 */
public final class AkkaClusterStrategy implements Strategy {

    /** How long the caller waits for the coordinator's reply; generous, as a large grid takes a while. */
    static final Duration REPLY_TIMEOUT = Duration.ofHours(1);

    /** How long a run waits for a worker to (re)join once none is left, before it fails. */
    static final Duration NO_WORKER_WAIT = Duration.ofSeconds(10);

    private final StrategyProvider provider;
    private final int threads;
    private final CoordinatorNode node;
    private final AtomicLong jobs = new AtomicLong(ThreadLocalRandom.current().nextLong());
    private final AtomicBoolean closed = new AtomicBoolean();
    private CountGrid lastGrid;
    private int lastNMax;
    private long lastCount;

    private AkkaClusterStrategy(StrategyProvider provider, int threads, CoordinatorNode node) {
        this.provider = provider;
        this.threads = threads;
        this.node = node;
    }

    /**
     * Checks {@code config}, starts the coordinator node and waits for workers.
     *
     * @throws InvalidInputException when the options are missing or malformed (see {@link ClusterOptions})
     * @throws IllegalStateException when the cluster or the workers cannot be reached in time
     */
    static AkkaClusterStrategy open(StrategyProvider provider, StrategyConfig config, Duration noWorkerWait) {
        provider.capabilities().requireAccepted(provider.name(), config);
        ClusterOptions options = ClusterOptions.from(config.options());
        return new AkkaClusterStrategy(provider, config.threads(), CoordinatorNode.open(options, config.threads(), noWorkerWait));
    }

    @Override
    public String name() {
        return provider.name();
    }

    /** Chunks computed at once per worker node. */
    @Override
    public int threads() {
        return threads;
    }

    @Override
    public CountGrid compute(JuliaParams params, Execution execution) {
        requireOpen();
        provider.capabilities().requireSupported(name(), execution.schedule());
        return compute(params, execution, remoteName(execution.kernel()));
    }

    /** Computes with the kernel the workers know as {@code kernel}, unchecked here (tests reach worker failures so). */
    CountGrid compute(JuliaParams params, Schedule schedule, String kernel) {
        return compute(params, Execution.of(schedule), kernel);
    }

    private CountGrid compute(JuliaParams params, Execution execution, String kernel) {
        GridJob grid = new GridJob(name(), params, execution, Math.max(1, node.status().workers()) * threads);
        GridRun run = new GridRun(jobs.incrementAndGet(), grid, kernel, execution.recorder() != null);
        Throwable failure = awaitOutcome(run).failure();
        if (failure != null) {
            grid.fail(failure);
        }
        lastGrid = grid.finish();
        lastNMax = params.nMax();
        lastCount = run.countEqual();
        return lastGrid;
    }

    @Override
    public double fraction(CountGrid grid, int maxval) {
        requireOpen();
        if (grid == lastGrid && maxval == lastNMax) {
            return Fraction.of(lastCount, grid.cellCount());
        }
        return Fraction.of(count(new CountRun(jobs.incrementAndGet(), grid, maxval)), grid.cellCount());
    }

    /** Stops the local worker JVMs, leaves the cluster and terminates the coordinator node; idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            node.close();
        }
    }

    /** What the coordinator reports: workers, chunks done per worker, requeued chunks (for tests). */
    CoordinatorStatus status() {
        return node.status();
    }

    /** The coordinator node's {@code host:port}, through which more workers can join (for tests). */
    String coordinatorAddress() {
        return node.address();
    }

    /** The worker JVMs started for {@code local-workers} (for tests). */
    List<Process> localWorkers() {
        return node.localWorkers();
    }

    /** The coordinator node's actor system (for tests). */
    ActorSystem<Coordinator.Command> coordinatorSystem() {
        return node.system();
    }

    private static String remoteName(Kernel kernel) {
        Kernel known;
        try {
            known = Kernels.byName(kernel.name());
        } catch (InvalidInputException e) {
            known = null;
        }
        if (known != kernel) {
            throw new InvalidInputException("kernel", "strategy 'akka-cluster' runs kernels on worker nodes, which know them "
                    + "only by name (" + String.join(", ", Kernels.names()) + "); kernel '" + kernel.name() + "' ("
                    + kernel.getClass().getName() + ") is not one of them");
        }
        return kernel.name();
    }

    /** Counts on the workers; a failure maps as a grid's does in {@link GridJob#finish()}. */
    private long count(CountRun run) {
        Throwable failure = awaitOutcome(run).failure();
        if (failure instanceof CancellationException cancelled) {
            throw cancelled;
        }
        if (failure != null) {
            throw new WorkerFailedException(name(), failure);
        }
        return run.count();
    }

    /**
     * Asks the coordinator to run {@code run} and waits for its outcome; an interrupt cancels the run
     * (the coordinator tells its workers to abandon it and replies at once with a
     * {@link CancellationException}), the interrupt being restored afterwards.
     */
    private Coordinator.Outcome awaitOutcome(Run run) {
        var system = node.system();
        CompletableFuture<Coordinator.Outcome> reply = AskPattern.<Coordinator.Command, Coordinator.Outcome>ask(system,
                replyTo -> new Coordinator.RunJob(run, replyTo), REPLY_TIMEOUT, system.scheduler()).toCompletableFuture();
        CompletableFuture<Done> terminated = system.getWhenTerminated().toCompletableFuture();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    CompletableFuture.anyOf(reply, terminated).get();
                    if (!reply.isDone()) {
                        throw new IllegalStateException("the coordinator node of strategy " + name() + " stopped during the run");
                    }
                    return reply.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                    system.tell(new Coordinator.Cancel(run.job()));
                } catch (ExecutionException e) {
                    throw new IllegalStateException("the coordinator gave no reply within " + REPLY_TIMEOUT, e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("strategy " + name() + " is closed");
        }
    }

    /** Whether the coordinator's actor system has terminated; true once {@link #close()} has returned. */
    boolean terminated() {
        return node.terminated();
    }
}
