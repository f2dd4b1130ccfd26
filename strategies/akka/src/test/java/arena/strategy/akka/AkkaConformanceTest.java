package arena.strategy.akka;

import arena.core.Execution;
import arena.core.Schedule;
import arena.core.Strategy;
import arena.core.StrategyProvider;
import arena.core.StrategyRegistry;
import arena.core.problem.JuliaParams;
import arena.core.testkit.LiveThreads;
import arena.core.testkit.StrategyConformanceTest;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runs the shared conformance suite against {@code akka}; after close it also checks that the actor
 * system itself has terminated, not only that its threads are gone. Adds that the provider is found
 * through the service registration, that finding and listing it starts no actor system, and that an
 * interrupted caller cancels the run yet gets the strategy back usable.
 */
class AkkaConformanceTest extends StrategyConformanceTest {

    @Override
    protected StrategyProvider provider() {
        return new AkkaProvider();
    }

    @Override
    protected void assertNothingLeftRunning(Strategy closed) throws InterruptedException {
        assertThat(((AkkaStrategy) closed).whenTerminated().toCompletableFuture())
                .as("the actor system of a closed strategy has terminated")
                .isDone();
        super.assertNothingLeftRunning(closed);
    }

    @Test
    void provider_isDiscoveredByName_andListingItStartsNoThread() throws InterruptedException {
        assertThat(LiveThreads.awaitNone(threadNamePrefix(), Duration.ofSeconds(5))).isEmpty();

        StrategyProvider found = StrategyRegistry.discover().find("akka");

        assertThat(found).isInstanceOf(AkkaProvider.class);
        assertThat(found.description()).isNotBlank();
        assertThat(found.capabilities().schedules())
                .containsExactlyInAnyOrder(Schedule.Kind.STATIC, Schedule.Kind.DYNAMIC, Schedule.Kind.GUIDED);
        assertThat(found.capabilities().joinsDefaultSelection()).isTrue();
        assertThat(LiveThreads.named(threadNamePrefix())).isEmpty();
    }

    @Test
    void interruptedCaller_cancelsTheRun_waitsForTheWorkers_andTheStrategyStaysUsable() {
        Strategy strategy = strategy(2);
        JuliaParams problem = JuliaParams.seedCase().withResolution(400);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> strategy.compute(problem, Execution.of(new Schedule.Dynamic(1))))
                    .isInstanceOf(CancellationException.class);
        } finally {
            assertThat(Thread.interrupted()).as("the interrupt is restored").isTrue();
        }
        assertSameAsSequential(strategy, problem, new Schedule.Dynamic(1));
    }
}
