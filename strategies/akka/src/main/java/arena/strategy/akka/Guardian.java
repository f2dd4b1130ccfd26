package arena.strategy.akka;

import akka.Done;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.DispatcherSelector;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import arena.core.CountGrid;
import arena.core.GridJob;
import java.util.ArrayList;
import java.util.List;

/**
 * The root actor of the strategy's actor system: it spawns the pool of worker actors on the worker
 * dispatcher once, when the system starts, and a fresh coordinator for every run or count it is asked
 * for. (Akka Typed cannot spawn top-level actors from outside into a system with a custom guardian, so
 * the guardian does the spawning.) The workers outlive every run, failed ones included.
 *
 * <p>Threading: as any actor; the strategy talks to it only through messages.
 */
final class Guardian extends AbstractBehavior<Guardian.Command> {

    /** What the strategy asks the system to do. */
    sealed interface Command permits RunGrid, CountCells {
    }

    /** Run every chunk of {@code job}; {@code replyTo} is told once no worker touches the grid any more. */
    record RunGrid(GridJob job, ActorRef<Done> replyTo) implements Command {
    }

    /** Count the cells of {@code grid} equal to {@code value}, in bands counted by the workers. */
    record CountCells(CountGrid grid, int value, ActorRef<CountCoordinator.Result> replyTo) implements Command {
    }

    private final List<ActorRef<Worker.Command>> workers;

    private Guardian(ActorContext<Command> context, int workerCount) {
        super(context);
        List<ActorRef<Worker.Command>> pool = new ArrayList<>(workerCount);
        for (int w = 0; w < workerCount; w++) {
            pool.add(context.spawn(Worker.create(w), "worker-" + w,
                    DispatcherSelector.fromConfig(AkkaSettings.WORKER_DISPATCHER)));
        }
        this.workers = List.copyOf(pool);
    }

    /** A guardian with {@code workerCount} worker actors. */
    static Behavior<Command> create(int workerCount) {
        return Behaviors.setup(context -> new Guardian(context, workerCount));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(RunGrid.class, this::onRunGrid)
                .onMessage(CountCells.class, this::onCountCells)
                .build();
    }

    private Behavior<Command> onRunGrid(RunGrid run) {
        getContext().spawnAnonymous(GridCoordinator.create(run.job(), workers, run.replyTo()));
        return this;
    }

    private Behavior<Command> onCountCells(CountCells count) {
        getContext().spawnAnonymous(CountCoordinator.create(count.grid(), count.value(), workers, count.replyTo()));
        return this;
    }
}
