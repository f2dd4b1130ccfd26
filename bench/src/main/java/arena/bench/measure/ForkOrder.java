package arena.bench.measure;

import arena.core.kernel.Kernel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * The order in which the forks of {@code compare --forks} run: randomized blocks. Round {@code r}
 * runs fork {@code r} of every unit, the units in an order shuffled with {@code seed}, so that a
 * drift of the machine during the run (heat, another process, a frequency change) hits every unit
 * alike instead of the ones that happen to run last; within a unit, every second fork measures in
 * reverse order ({@link Slot#reversed}). The same seed gives the same order. Immutable.
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

        /**
         * Whether this fork measures its unit's configurations in reverse order: every second fork
         * (ABBA: forward, reverse, forward, ...), so that over a pair a drift within a JVM's life
         * (warming, a later recompilation, a growing heap) weighs on the first and the last
         * configuration alike; with two forks, whose medians the report averages, a linear drift cancels.
         */
        public boolean reversed() {
            return index % 2 == 1;
        }
    }

    /**
     * The order in which one JVM measures {@code configurations}: per kernel, in the order the kernels
     * first appear, its baseline ({@code baselineOf}) and then the kernel's other configurations in
     * their given order; exactly reversed when {@code reversed} ({@link Slot#reversed}).
     */
    public static List<Configuration> withinFork(List<Configuration> configurations,
                                                 Function<Kernel, Configuration> baselineOf,
                                                 boolean reversed) {
        Set<Kernel> kernels = new LinkedHashSet<>();
        configurations.forEach(c -> kernels.add(c.kernel()));
        List<Configuration> order = new ArrayList<>();
        for (Kernel kernel : kernels) {
            Configuration baseline = baselineOf.apply(kernel);
            order.add(baseline);
            configurations.stream().filter(c -> c.kernel().equals(kernel) && !c.equals(baseline)).forEach(order::add);
        }
        if (reversed) {
            Collections.reverse(order);
        }
        return List.copyOf(order);
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
