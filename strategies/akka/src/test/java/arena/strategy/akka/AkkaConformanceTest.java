package arena.strategy.akka;

import arena.core.Schedule;
import arena.core.Strategy;
import arena.core.StrategyProvider;
import arena.core.StrategyRegistry;
import arena.core.testkit.LiveThreads;
import arena.core.testkit.StrategyConformanceTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the shared conformance suite against {@code akka}; after close it also checks that the actor
 * system itself has terminated, not only that its threads are gone. Adds that the provider is found
 * through the service registration and that finding and listing it starts no actor system.
 */
class AkkaConformanceTest extends StrategyConformanceTest {

    @Override
    protected StrategyProvider provider() {
        return new AkkaProvider();
    }

    /** Each worker holds a second chunk in its mailbox ({@code GridCoordinator.CHUNKS_PER_WORKER}), to hide the round trip. */
    @Override
    protected boolean holdsOneSharedChunkAtATime() {
        return false;
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
}
