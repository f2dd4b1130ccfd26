package arena.strategy.akkacluster;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.receptionist.Receptionist;
import arena.core.StrategyConfig;
import arena.core.input.InvalidInputException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One worker node of the {@code akka-cluster} strategy: an actor system named
 * {@code arena-akka-cluster} with the role {@code worker}, joined to a cluster, whose worker actor is
 * registered with the receptionist and computes whatever chunks a coordinator sends it,
 * {@code threads} at a time. What {@code arena worker} runs.
 *
 * <p>It binds Artery TCP to {@code host:port}, or Artery over TLS with {@code --tls DIR}; plain TCP
 * on a non-loopback address is refused unless {@code --insecure} ({@link NodeOptions}). It
 * accepts only the project's own messages (see {@link ProtocolSerializer}).
 *
 * <p>Threading: {@link #start} blocks until the node is up; {@link #leave} and
 * {@link #awaitTermination} may be called from any thread, also concurrently.
 */
public final class WorkerNode {

    /** How long {@link #start} waits for the node to join and register. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final ActorSystem<Receptionist.Registered> system;
    private final String address;

    private WorkerNode(ActorSystem<Receptionist.Registered> system) {
        this.system = system;
        this.address = NodeLifecycle.selfAddress(system);
    }

    /**
     * Starts a worker node and waits until it is up and registered. The split-brain resolver keeps
     * the oldest node's side, downing the oldest instead when it is cut off from all others (see
     * {@link ClusterSettings}).
     *
     * @param host    the address to bind to, e.g. {@code 127.0.0.1}
     * @param port    the port to bind to; 0 picks a free one
     * @param contact {@code host:port} of a node of the cluster, or this node's own address to start one
     * @param threads how many chunks the node computes at once
     * @throws InvalidInputException naming {@code host}, {@code port}, {@code join} or {@code threads}
     * @throws IllegalStateException when the node cannot bind or join within 30 s
     */
    public static WorkerNode start(String host, int port, String contact, int threads) {
        return start(host, port, contact, threads, true, NodeOptions.DEFAULTS, START_TIMEOUT);
    }

    /**
     * As {@link #start(String, int, String, int)}, with {@code downIfAlone} off for workers whose
     * contact is their coordinator, the transport and timings of {@code options} (a non-loopback
     * {@code host} or contact refused without TLS or {@code insecure}, before anything starts), and
     * {@code timeout} to join.
     */
    static WorkerNode start(String host, int port, String contact, int threads, boolean downIfAlone, NodeOptions options,
            Duration timeout) {
        if (host == null || host.isBlank()) {
            throw new InvalidInputException("host", "host must be an address to bind to, e.g. 127.0.0.1");
        }
        if (port < 0 || port > 65_535) {
            throw new InvalidInputException("port", "port must be from 0 (any free port) to 65535, got " + port);
        }
        if (threads < 1 || threads > StrategyConfig.MAX_THREADS) {
            throw new InvalidInputException("threads", "threads must be between 1 and " + StrategyConfig.MAX_THREADS
                    + ", got " + threads);
        }
        HostPort contactNode = HostPort.parse("join", contact);
        HostPort self = new HostPort(host.strip(), port);
        options.requireSecureFor(List.of(self.host(), contactNode.host()));
        CompletableFuture<Void> registered = new CompletableFuture<>();
        ActorSystem<Receptionist.Registered> system;
        try {
            system = ActorSystem.create(ChunkWorker.node(registered), ClusterSettings.SYSTEM_NAME,
                    ClusterSettings.node(self, ClusterSettings.WORKER_ROLE, downIfAlone, threads, options));
        } catch (RuntimeException e) {
            throw new IllegalStateException("worker node could not start on " + self + ": " + e.getMessage(), e);
        }
        NodeLifecycle.join(system, contactNode, registered, timeout);
        return new WorkerNode(system);
    }

    /** The node's {@code host:port}, with the port actually bound. */
    public String address() {
        return address;
    }

    /** Whether the node has stopped (left, was downed, or was terminated). */
    public boolean isTerminated() {
        return system.getWhenTerminated().toCompletableFuture().isDone();
    }

    /**
     * Blocks until the node has stopped: after {@link #leave}, or once the cluster downed it. An
     * interrupt ends the wait early and stays set.
     */
    public void awaitTermination() {
        try {
            system.getWhenTerminated().toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            // terminated all the same
        }
    }

    /**
     * Leaves the cluster gracefully (a coordinator hands this node's unfinished chunks to the
     * others) and terminates the node; returns once it has stopped. Idempotent.
     */
    public void leave() {
        NodeLifecycle.leave(system);
    }

    @Override
    public String toString() {
        return "worker node " + address;
    }
}
