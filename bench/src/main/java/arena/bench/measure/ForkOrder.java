package arena.bench.measure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The order in which the forks of {@code compare --forks} run: randomized blocks. Round {@code r}
 * runs fork {@code r} of every unit, the units in an order shuffled with {@code seed}, so that a
 * drift of the machine during the run (heat, another process, a frequency change) hits every unit
 * alike instead of the ones that happen to run last. The same seed gives the same order. Immutable.
 *
 * @param seed the shuffle's seed, printed in every report so that a run's order can be repeated
 */
public record ForkOrder(long seed) {

    /**
     * One fork of one unit, as it runs.
     *
     * @param unit  the unit's name
     * @param index which of the unit's forks, from 0
     */
    public record Slot(String unit, int index) {
    }

    /** The order of {@code forks} forks of each of {@code units}. */
    public List<Slot> of(List<String> units, int forks) {
        Random random = new Random(seed);
        List<Slot> order = new ArrayList<>();
        for (int round = 0; round < forks; round++) {
            List<String> shuffled = new ArrayList<>(units);
            Collections.shuffle(shuffled, random);
            for (String unit : shuffled) {
                order.add(new Slot(unit, round));
            }
        }
        return List.copyOf(order);
    }
}
