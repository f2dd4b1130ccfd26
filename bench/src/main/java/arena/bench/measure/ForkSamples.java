package arena.bench.measure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a configuration's pooled samples back into the forks that took them, the shape
 * {@link HierarchicalBootstrap} reads. Stateless.
 */
public final class ForkSamples {

    private ForkSamples() {
    }

    /**
     * The samples of each fork, in the order the forks first appear in {@code forks}; all samples as
     * one fork when {@code forks} is empty (measured in-process, or a file from before forks).
     *
     * @param samples the samples, in run order
     * @param forks   the fork of each sample, or empty
     * @throws IllegalArgumentException when {@code forks} is neither empty nor one per sample
     */
    public static List<List<Double>> split(List<Double> samples, List<Integer> forks) {
        if (forks.isEmpty()) {
            return List.of(samples);
        }
        if (forks.size() != samples.size()) {
            throw new IllegalArgumentException(forks.size() + " fork numbers for " + samples.size() + " samples");
        }
        Map<Integer, List<Double>> byFork = new LinkedHashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            byFork.computeIfAbsent(forks.get(i), f -> new ArrayList<>()).add(samples.get(i));
        }
        return List.copyOf(byFork.values());
    }
}
