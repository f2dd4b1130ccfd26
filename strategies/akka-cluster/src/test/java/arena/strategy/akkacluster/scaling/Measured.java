package arena.strategy.akkacluster.scaling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The median of a point's repeats: what the cost model is fitted to and checked against.
 *
 * @param part        the samples' part
 * @param point       the setting
 * @param medianNanos the median wall time of its repeats
 * @param iterations  the grid's iteration count (the same in every repeat)
 * @param medianLoad1 the median one-minute load average after its repeats
 * @param repeats     how many repeats the median is of
 */
record Measured(String part, Point point, double medianNanos, long iterations, double medianLoad1, int repeats) {

    /** The medians of {@code samples}, one per (part, point), in the order the points were first measured. */
    static List<Measured> medians(List<Sample> samples) {
        Map<String, List<Sample>> byPoint = new LinkedHashMap<>();
        for (Sample sample : samples) {
            byPoint.computeIfAbsent(sample.part() + " " + sample.point(), key -> new ArrayList<>()).add(sample);
        }
        List<Measured> medians = new ArrayList<>();
        for (List<Sample> group : byPoint.values()) {
            Sample first = group.getFirst();
            medians.add(new Measured(first.part(), first.point(), median(group.stream().mapToDouble(Sample::wallNanos).toArray()),
                    first.iterations(), median(group.stream().mapToDouble(Sample::load1).toArray()), group.size()));
        }
        return medians;
    }

    /** The median of {@code values} (the mean of the middle two for an even count). */
    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** Wall time per chunk handed out, in nanoseconds. */
    double nanosPerChunk() {
        return medianNanos / point.chunks();
    }
}
