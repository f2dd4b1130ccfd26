package arena.strategy.akkacluster;

import akka.actor.CoordinatedShutdown;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Adapter;
import akka.cluster.Cluster;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Joining and leaving the cluster, the same for coordinator and worker nodes. Stateless; the
 * methods block the calling thread, never an actor's.
 */
final class NodeLifecycle {

    /** How long a graceful leave may take before the actor system is terminated outright. */
    static final Duration LEAVE_TIMEOUT = Duration.ofSeconds(15);

    private NodeLifecycle() {
    }

    /**
     * Joins the cluster through {@code contact} (the node's own address makes it the first node) and
     * waits until this node is up and {@code alsoAwait} has completed; on failure terminates the
     * node.
     *
     * @throws IllegalStateException when that takes longer than {@code timeout}, saying what to check
     */
    static void join(ActorSystem<?> system, HostPort contact, CompletableFuture<?> alsoAwait, Duration timeout) {
        Cluster cluster = Cluster.get(Adapter.toClassic(system));
        CompletableFuture<Void> up = new CompletableFuture<>();
        cluster.registerOnMemberUp(() -> up.complete(null));
        cluster.joinSeedNodes(List.of(ClusterSettings.address(contact)));
        try {
            CompletableFuture.allOf(up, alsoAwait).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            terminate(system, Duration.ofSeconds(5));
            throw new IllegalStateException("node " + selfAddress(system) + " could not join the cluster through contact " + contact
                    + " within " + timeout.toSeconds() + " s: is a node of a cluster named " + ClusterSettings.SYSTEM_NAME
                    + " running there? (the first worker is its own contact: arena worker --port P --join host:P)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            terminate(system, Duration.ofSeconds(5));
            throw new IllegalStateException("interrupted while joining the cluster through contact " + contact, e);
        }
    }

    /** This node's {@code host:port}. */
    static String selfAddress(ActorSystem<?> system) {
        return ClusterSettings.hostPort(Cluster.get(Adapter.toClassic(system)).selfAddress());
    }

    /**
     * Leaves the cluster gracefully (other nodes see a leave, not a crash) and terminates the actor
     * system, waiting for both; after {@link #LEAVE_TIMEOUT} terminates it outright. Idempotent.
     */
    static void leave(ActorSystem<?> system) {
        CoordinatedShutdown.get(Adapter.toClassic(system)).runAll(CoordinatedShutdown.clusterLeavingReason());
        if (!awaitTermination(system, LEAVE_TIMEOUT)) {
            terminate(system, Duration.ofSeconds(5));
        }
    }

    /** Terminates the actor system and waits up to {@code timeout} for it to be gone. */
    static void terminate(ActorSystem<?> system, Duration timeout) {
        system.terminate();
        awaitTermination(system, timeout);
    }

    /**
     * Waits up to {@code timeout} for the actor system to terminate; an interrupt ends the wait
     * early and stays set.
     *
     * @return whether it has terminated
     */
    static boolean awaitTermination(ActorSystem<?> system, Duration timeout) {
        try {
            system.getWhenTerminated().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }
}
