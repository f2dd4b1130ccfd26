package arena.strategy.akka;

import akka.Done;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.AskPattern;
import arena.core.AbstractStrategy;
import arena.core.CountGrid;
import arena.core.GridJob;
import arena.core.StrategyConfig;
import arena.core.StrategyProvider;
import arena.core.WorkerFailedException;
import arena.core.concurrent.Uninterruptibly;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Akka Typed actors: a coordinator actor hands row chunks to a pool of worker actors, one per thread,
 * on a dispatcher with exactly that many threads (see {@link GridAssignment} for the schedules and
 * {@link Worker} for why workers write into the grid in place). The actor system, named
 * {@code arena-akka}, lives from construction to {@link #close()}.
 *
 * <p>Threading: one caller at a time, as {@link arena.core.Strategy}. The caller talks to the system
 * only through the ask pattern and blocks on the reply, the single blocking point: the reply is sent
 * after every worker's last write, so the grid is visible to the caller when {@link #run} returns. An
 * interrupted caller cancels the job and still waits for the (then prompt) reply, so no worker
 * touches the grid after {@code run} returns.
 */
public final class AkkaStrategy extends AbstractStrategy {

    /** How long the caller waits for a coordinator's reply; generous, as a large grid takes a while. */
    static final Duration REPLY_TIMEOUT = Duration.ofHours(1);

    /** How long {@link #close()} waits for the actor system to terminate. */
    static final Duration TERMINATION_TIMEOUT = Duration.ofSeconds(10);

    private final ActorSystem<Guardian.Coordinate<?>> system;
    private volatile boolean closed;

    /**
     * Starts the actor system with {@code config.threads()} worker actors.
     *
     * @throws arena.core.input.InvalidInputException when the provider's capabilities rule {@code config} out
     */
    AkkaStrategy(StrategyProvider provider, StrategyConfig config) {
        super(provider, config);
        this.system = ActorSystem.create(Guardian.create(config.threads()), AkkaSettings.SYSTEM_NAME,
                AkkaSettings.forWorkers(config.threads()));
    }

    @Override
    protected void run(GridJob job) {
        requireOpen();
        CompletionStage<Done> reply = AskPattern.ask(system,
                replyTo -> new Guardian.Coordinate<>(new GridAssignment(job), replyTo),
                REPLY_TIMEOUT, system.scheduler());
        awaitReply(reply, () -> job.cancel("the caller was interrupted"));
    }

    @Override
    protected long countEqual(CountGrid grid, int maxval) {
        requireOpen();
        CompletionStage<CountAssignment.Result> reply = AskPattern.ask(system,
                replyTo -> new Guardian.Coordinate<>(new CountAssignment(grid, maxval), replyTo), REPLY_TIMEOUT,
                system.scheduler());
        CountAssignment.Result result = awaitReply(reply, () -> { });
        if (result.failure() != null) {
            throw new WorkerFailedException(name(), result.failure());
        }
        return result.count();
    }

    /** Terminates the actor system and waits for it to be gone; idempotent. */
    @Override
    public void close() {
        closed = true;
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(TERMINATION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("actor system " + system.name() + " did not terminate within "
                    + TERMINATION_TIMEOUT, e);
        }
    }

    /** Completes once the actor system has terminated, for tests. */
    CompletionStage<Done> whenTerminated() {
        return system.getWhenTerminated();
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("strategy " + name() + " is closed");
        }
    }

    /**
     * Waits for {@code reply}; an interrupt runs {@code onInterrupt} (which stops the workers) and the
     * wait goes on, the interrupt being restored afterwards.
     */
    private static <T> T awaitReply(CompletionStage<T> reply, Runnable onInterrupt) {
        try {
            return Uninterruptibly.get(reply.toCompletableFuture(), onInterrupt);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the actor system gave no reply (waited up to " + REPLY_TIMEOUT + ")",
                    e.getCause());
        }
    }
}
