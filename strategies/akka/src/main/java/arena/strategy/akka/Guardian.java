package arena.strategy.akka;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.DispatcherSelector;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import java.util.ArrayList;
import java.util.List;

/**
 * The root actor of the strategy's actor system: it spawns the pool of worker actors on the worker
 * dispatcher once, when the system starts, and a fresh {@link Coordinator} for every assignment (a
 * run or a count) it is asked to carry out. (Akka Typed cannot spawn top-level actors from outside
 * into a system with a custom guardian, so the guardian does the spawning.) The workers outlive
 * every assignment, failed ones included.
 *
 * <p>Threading: as any actor; the strategy talks to it only through messages.
 */
final class Guardian {

    /**
     * Carry out {@code assignment} on the worker pool; {@code replyTo} gets its result once no worker
     * holds a piece of it any more.
     */
    record Coordinate<R>(Coordinator.Assignment<R> assignment, ActorRef<R> replyTo) {
    }

    private Guardian() {
    }

    /** A guardian with {@code workerCount} worker actors. */
    static Behavior<Coordinate<?>> create(int workerCount) {
        return Behaviors.setup(context -> {
            List<ActorRef<Worker.Command>> pool = new ArrayList<>(workerCount);
            for (int w = 0; w < workerCount; w++) {
                pool.add(context.spawn(Worker.create(w), "worker-" + w,
                        DispatcherSelector.fromConfig(AkkaSettings.WORKER_DISPATCHER)));
            }
            List<ActorRef<Worker.Command>> workers = List.copyOf(pool);
            return Behaviors.receiveMessage(request -> {
                spawnCoordinator(context, request, workers);
                return Behaviors.same();
            });
        });
    }

    private static <R> void spawnCoordinator(ActorContext<Coordinate<?>> context, Coordinate<R> request,
            List<ActorRef<Worker.Command>> workers) {
        context.spawnAnonymous(Coordinator.create(request.assignment(), workers, request.replyTo()));
    }
}
