package arena.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import arena.core.Schedule;
import arena.core.Strategy;
import arena.core.StrategyRegistry;
import arena.core.kernel.Kernels;
import arena.core.testkit.LiveThreads;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which opened strategies stay open: one at a time by default, each until the end when measured in rounds. */
class OpenStrategiesTest {

    private static final StrategyRegistry REGISTRY = StrategyRegistry.discover();

    private static Configuration forkjoin(int threads, Schedule schedule) {
        return new Configuration(REGISTRY.find("forkjoin"), Kernels.reference(), threads, schedule);
    }

    @Test
    void byDefault_anotherThreadCountClosesThePreviousInstance_andTheSameOneIsShared() throws InterruptedException {
        try (OpenStrategies open = new OpenStrategies()) {
            Strategy one = open.get(forkjoin(1, new Schedule.Static(0)));
            assertThat(open.get(forkjoin(1, new Schedule.Dynamic(1)))).isSameAs(one);
            open.get(forkjoin(2, new Schedule.Static(0)));

            assertThat(open.get(forkjoin(1, new Schedule.Static(0)))).isNotSameAs(one);
        }
        assertThat(LiveThreads.awaitNone("arena-forkjoin", Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void keepingEach_keepsEveryInstanceOpenUntilClose_thenClosesThemAll() throws InterruptedException {
        try (OpenStrategies open = OpenStrategies.keepingEach(Map.of())) {
            Strategy one = open.get(forkjoin(1, new Schedule.Static(0)));
            Strategy two = open.get(forkjoin(2, new Schedule.Static(0)));

            assertThat(open.get(forkjoin(1, new Schedule.Dynamic(1)))).isSameAs(one);
            assertThat(open.get(forkjoin(2, new Schedule.Dynamic(1)))).isSameAs(two);
            assertThat(two).isNotSameAs(one);
        }
        assertThat(LiveThreads.awaitNone("arena-forkjoin", Duration.ofSeconds(5))).isEmpty();
    }
}
