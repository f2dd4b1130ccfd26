package arena.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import arena.bench.measure.ForkOrder.Slot;
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
}
