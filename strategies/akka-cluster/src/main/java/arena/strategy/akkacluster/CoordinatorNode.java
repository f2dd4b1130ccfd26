package arena.strategy.akkacluster;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Adapter;
import akka.cluster.Cluster;
import arena.core.input.InvalidInputException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The coordinator's node: its actor system (role {@code coordinator}, root actor {@link Coordinator}),
 * joined to the cluster, plus the worker JVMs it started for {@code local-workers}. Opening returns
 * only once workers are registered; closing stops the local workers (gracefully), then leaves the
 * cluster and terminates the actor system.
 *
 * <p>With {@code join} it binds to the local address that routes to the contact (loopback for a
 * loopback contact) and joins that cluster, where a worker is the oldest node. With
 * {@code local-workers} it binds to {@code 127.0.0.1}, is the cluster's first and oldest node, and
 * starts its workers with its own address as their contact. See {@link ClusterSettings} for the
 * downing this implies.
 *
 * <p>Threading: opened and closed by one thread; {@link #status()} is readable from any.
 */
final class CoordinatorNode implements AutoCloseable {

    /** How long joining a running cluster may take. */
    static final Duration JOIN_TIMEOUT = Duration.ofSeconds(20);

    /** How long, after joining through a contact, the first worker may take to appear. */
    static final Duration FIRST_WORKER_TIMEOUT = Duration.ofSeconds(10);

    /** How long local worker JVMs may take to start and register. */
    static final Duration LOCAL_WORKERS_TIMEOUT = Duration.ofSeconds(60);

    private final ActorSystem<Coordinator.Command> system;
    private final CoordinatorStatus status;
    private final LocalWorkers localWorkers;

    private CoordinatorNode(ActorSystem<Coordinator.Command> system, CoordinatorStatus status, LocalWorkers localWorkers) {
        this.system = system;
        this.status = status;
        this.localWorkers = localWorkers;
    }

    /**
     * Starts the node, joins the cluster and waits for workers: {@code options.localWorkers()} of them,
     * or at least one when joining through a contact.
     *
     * @param capacity     chunks in flight per worker
     * @param noWorkerWait how long a run waits for a worker when none is left
     * @throws InvalidInputException naming {@code tls} when the contact is not on a loopback address
     *                               and neither TLS nor {@code insecure} is given
     * @throws IllegalStateException when the cluster or the workers cannot be reached in time, saying why
     */
    static CoordinatorNode open(ClusterOptions options, int capacity, Duration noWorkerWait) {
        boolean local = options.startsLocalWorkers();
        options.node().requireSecureFor(List.of(local ? "127.0.0.1" : options.contact().host())); // it binds to loopback iff that is
        String host = local ? "127.0.0.1" : ClusterSettings.hostFacing(options.contact().host());
        CoordinatorStatus status = new CoordinatorStatus();
        ActorSystem<Coordinator.Command> system = ActorSystem.create(Coordinator.create(status, capacity, noWorkerWait),
                ClusterSettings.SYSTEM_NAME,
                ClusterSettings.node(new HostPort(host, 0), ClusterSettings.COORDINATOR_ROLE, !local, 1, options.node()));
        Cluster.get(Adapter.toClassic(system)).registerOnMemberRemoved(() -> system.tell(new Coordinator.NodeRemoved()));
        HostPort contact = local ? HostPort.parse("join", NodeLifecycle.selfAddress(system)) : options.contact();
        NodeLifecycle.join(system, contact, CompletableFuture.completedFuture(null), JOIN_TIMEOUT);
        LocalWorkers workers = null;
        try {
            if (local) {
                workers = LocalWorkers.start(options.localWorkers(), contact, capacity, options.node());
                awaitWorkers(status, options.localWorkers(), workers, LOCAL_WORKERS_TIMEOUT,
                        "local worker JVMs registered with the coordinator at " + contact);
            } else {
                awaitWorkers(status, 1, null, FIRST_WORKER_TIMEOUT, "worker nodes registered in the cluster of contact " + contact
                        + " (start one with: arena worker --host H --port 0 --join " + contact + ")");
            }
        } catch (RuntimeException e) {
            if (workers != null) {
                workers.close();
            }
            NodeLifecycle.leave(system);
            throw e;
        }
        return new CoordinatorNode(system, status, workers);
    }

    private static void awaitWorkers(CoordinatorStatus status, int count, LocalWorkers workers, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (status.workers() < count) {
            Optional<String> exited = workers == null ? Optional.empty() : workers.exited();
            if (exited.isPresent()) {
                throw new IllegalStateException("a local worker stopped before joining the cluster: " + exited.get());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + status.workers() + " of " + count + " " + what + " within "
                        + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }

    /** The actor system, whose root actor is the {@link Coordinator}. */
    ActorSystem<Coordinator.Command> system() {
        return system;
    }

    /** What the coordinator actor reports. */
    CoordinatorStatus status() {
        return status;
    }

    /** This node's {@code host:port}; a worker can join the cluster through it. */
    String address() {
        return NodeLifecycle.selfAddress(system);
    }

    /** The worker JVMs started for {@code local-workers}; empty when joined through a contact. */
    List<Process> localWorkers() {
        return localWorkers == null ? List.of() : localWorkers.processes();
    }

    /** Stops the local workers, leaves the cluster and terminates the actor system; idempotent. */
    @Override
    public void close() {
        if (localWorkers != null) {
            localWorkers.close();
        }
        NodeLifecycle.leave(system);
    }

    /** Whether the node's actor system has terminated (after {@link #close()}). */
    boolean terminated() {
        return system.whenTerminated().isCompleted();
    }
}
