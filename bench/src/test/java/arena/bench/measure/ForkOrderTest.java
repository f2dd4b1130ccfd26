package arena.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import arena.bench.measure.ForkOrder.Slot;
import arena.core.Schedule;
import arena.core.StrategyRegistry;
import arena.core.kernel.Kernels;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForkOrderTest {

    private static final List<String> UNITS = List.of("forkjoin", "threads", "virtual", "reactor", "akka", "executor");

    @Test
    void everyRound_runsEachUnitOnce_andRoundsRunInOrder() {
        List<Slot> order = new ForkOrder(17).of(UNITS, 3);

        assertThat(order).hasSize(18);
        for (int round = 0; round < 3; round++) {
            List<Slot> block = order.subList(round * UNITS.size(), (round + 1) * UNITS.size());
            int r = round;
            assertThat(block).allMatch(slot -> slot.index() == r);
            assertThat(block).extracting(Slot::unit).containsExactlyInAnyOrderElementsOf(UNITS);
        }
    }

    @Test
    void theSameSeed_givesTheSameOrder_anotherSeedAnotherOne() {
        assertThat(new ForkOrder(17).of(UNITS, 3)).isEqualTo(new ForkOrder(17).of(UNITS, 3));
        assertThat(new ForkOrder(17).of(UNITS, 3)).isNotEqualTo(new ForkOrder(18).of(UNITS, 3));
    }

    @Test
    void theBlocksAreShuffled_notAlwaysTheGivenOrder() {
        List<Slot> order = new ForkOrder(17).of(UNITS, 4);

        assertThat(order.stream().map(Slot::unit).toList().subList(0, UNITS.size())).isNotEqualTo(UNITS);
        assertThat(order.subList(0, UNITS.size()).stream().map(Slot::unit).toList())
                .isNotEqualTo(order.subList(UNITS.size(), 2 * UNITS.size()).stream().map(Slot::unit).toList());
    }

    @Test
    void everySecondForkOfAUnit_isReversed_ABBA() {
        List<Slot> order = new ForkOrder(17).of(UNITS, 4);

        assertThat(order).allMatch(slot -> slot.reversed() == (slot.index() % 2 == 1));
        assertThat(order.stream().filter(Slot::reversed).count()).isEqualTo(2 * UNITS.size());
    }

    @Test
    void withinAFork_eachKernelsBaselineComesFirst_andAReversedForkMeasuresExactlyBackwards() {
        StrategyRegistry registry = StrategyRegistry.discover();
        Configuration scalarTwo = new Configuration(registry.find("forkjoin"), Kernels.reference(), 2, new Schedule.Static(0));
        Configuration scalarOne = new Configuration(registry.find("forkjoin"), Kernels.reference(), 1, new Schedule.Dynamic(1));
        Configuration interleaved = new Configuration(registry.find("forkjoin"), Kernels.byName("interleaved"), 2, new Schedule.Static(0));
        Configuration scalarBase = Configuration.baselineOf(registry, Kernels.reference());
        Configuration interleavedBase = Configuration.baselineOf(registry, Kernels.byName("interleaved"));

        List<Configuration> forward = ForkOrder.withinFork(List.of(scalarTwo, interleaved, scalarOne), k -> Configuration.baselineOf(registry, k),
                false);
        List<Configuration> reversed = ForkOrder.withinFork(List.of(scalarTwo, interleaved, scalarOne), k -> Configuration.baselineOf(registry, k),
                true);

        assertThat(forward).containsExactly(scalarBase, scalarTwo, scalarOne, interleavedBase, interleaved);
        assertThat(reversed).containsExactly(interleaved, interleavedBase, scalarOne, scalarTwo, scalarBase);
    }
}
