package arena.core.testkit;

import arena.core.Capabilities;
import arena.core.Schedule;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random schedules for the seeded sweeps: a family the strategy declares, drawn from the given
 * random source, with the given chunk size (static also draws whether to use its even blocks).
 * Stateless; the random source belongs to the calling test.
 */
public final class RandomSchedules {

    private RandomSchedules() {
    }

    /** A schedule of a family {@code capabilities} supports, with chunk {@code chunk}. */
    public static Schedule draw(SplittableRandom random, Capabilities capabilities, int chunk) {
        List<Schedule.Kind> kinds = new ArrayList<>(EnumSet.copyOf(capabilities.schedules()));
        return switch (kinds.get(random.nextInt(kinds.size()))) {
            case STATIC -> new Schedule.Static(random.nextBoolean() ? 0 : chunk);
            case DYNAMIC -> new Schedule.Dynamic(chunk);
            case GUIDED -> new Schedule.Guided(chunk);
            case SPLIT -> new Schedule.Split(chunk);
        };
    }
}
