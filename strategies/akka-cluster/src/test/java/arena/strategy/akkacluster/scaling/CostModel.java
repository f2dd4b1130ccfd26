package arena.strategy.akkacluster.scaling;

import java.util.List;

/**
 * Predicted wall time of an {@code akka-cluster} run of {@code nodes x threads} slots at a grain, from
 * four measured costs. Each slot (a chunk in flight at a node) cycles: the chunk computes, then its
 * round trip (request out, rows back, the coordinator handing out the next) adds
 * {@code roundTripNanos + delay}; where slots outnumber the cores, computing slows by slots/cores.
 * The coordinator meanwhile spends {@code coordinatorNanosPerChunk + coordinatorNanosPerByte x bytes}
 * on every chunk, one after another. A run takes the longer of the two paths:
 * <pre>
 *   slots  = ceil(chunks / (nodes x threads)) x (computePerChunk x max(1, nodes x threads / cores) + roundTrip + delay)
 *   coord  = chunks x (perChunk + perByte x bytesPerChunk)
 *   time   = max(slots, coord)
 * </pre>
 * Immutable.
 *
 * @param coordinatorNanosPerChunk the coordinator's fixed cost per chunk (fitted on part a)
 * @param coordinatorNanosPerByte  its cost per byte moved, the inverse of its effective bandwidth (part a)
 * @param roundTripNanos           a chunk's round trip with no latency added and nothing else in flight (part b, 0 ms)
 * @param nanosPerIteration        compute per escape iteration on one core (part c, one node)
 * @param cores                    cores the slots share (2 on the measuring machine)
 */
record CostModel(double coordinatorNanosPerChunk, double coordinatorNanosPerByte, double roundTripNanos, double nanosPerIteration,
        int cores) {

    /** A 10 Gbit/s link's time per byte, the floor of the per-byte cost between separate machines. */
    static final double TEN_GBIT_NANOS_PER_BYTE = 8 / 10.0;

    /**
     * The terms of one prediction, in nanoseconds.
     *
     * @param compute     all iterations at one core's rate, spread over the slots that can run at once
     * @param slots       the slots' path: chunks per slot times (compute per chunk + round trip + delay)
     * @param coordinator the coordinator's per-chunk path
     * @param bytes       the coordinator's per-byte path
     */
    record Terms(double compute, double slots, double coordinator, double bytes) {

        /** The predicted wall time: the longer path. */
        double predicted() {
            return Math.max(slots, coordinator + bytes);
        }

        /** What bounds the run: {@code compute}, {@code latency} (round trips dominate the slots' path) or {@code coordinator}. */
        String bound() {
            if (coordinator + bytes >= slots) {
                return bytes > coordinator ? "coordinator bytes" : "coordinator per-chunk";
            }
            return compute >= slots / 2 ? "compute" : "round trips";
        }
    }

    /**
     * Fits the model: per chunk and per byte by least squares over part a's points (time per chunk
     * against bytes per chunk; one point fixes the per-chunk cost alone), the round trip from part
     * b's 0 ms point (its compute, at n_max 1, neglected), the rate from part c's one-node point.
     */
    static CostModel fit(List<Measured> measured, int cores) {
        List<Measured> a = measured.stream().filter(m -> m.part().equals("a")).toList();
        Measured b0 = measured.stream().filter(m -> m.part().equals("b") && m.point().delayMs() == 0).findFirst()
                .orElseThrow(() -> new IllegalStateException("part b's 0 ms point is needed to fit the round trip"));
        Measured c1 = measured.stream().filter(m -> m.part().equals("c") && m.point().nodes() == 1).findFirst()
                .orElseThrow(() -> new IllegalStateException("part c's one-node point is needed to fit the compute rate"));
        if (a.isEmpty()) {
            throw new IllegalStateException("part a is needed to fit the coordinator's costs");
        }
        double perByte = 0;
        double meanX = a.stream().mapToDouble(m -> m.point().bytesPerChunk()).average().orElseThrow();
        double meanY = a.stream().mapToDouble(Measured::nanosPerChunk).average().orElseThrow();
        double sxx = a.stream().mapToDouble(m -> Math.pow(m.point().bytesPerChunk() - meanX, 2)).sum();
        if (sxx > 0) {
            perByte = Math.max(0, a.stream().mapToDouble(m -> (m.point().bytesPerChunk() - meanX) * (m.nanosPerChunk() - meanY)).sum() / sxx);
        }
        double perChunk = Math.max(0, meanY - perByte * meanX);
        double roundTrip = b0.nanosPerChunk();
        Point one = c1.point();
        double perIteration = Math.max(0, c1.medianNanos() - one.chunks() * roundTrip) / c1.iterations();
        return new CostModel(perChunk, perByte, roundTrip, perIteration, cores);
    }

    /** The terms for {@code point} with {@code iterations} in its grid, on this model's cores and per-byte cost. */
    Terms terms(Point point, double iterations) {
        return terms(point, iterations, cores, coordinatorNanosPerByte, point.bytesPerChunk());
    }

    /**
     * The terms for {@code point} on {@code cores} cores, at {@code nanosPerByte} and {@code bytesPerChunk}
     * (for projections: other machines, other links, a protocol that sends less).
     */
    Terms terms(Point point, double iterations, int cores, double nanosPerByte, double bytesPerChunk) {
        int slots = point.nodes() * point.threads();
        int chunks = point.chunks();
        double computePerChunk = iterations * nanosPerIteration / chunks;
        double slowdown = Math.max(1.0, (double) slots / cores);
        double perSlot = Math.ceil((double) chunks / slots) * (computePerChunk * slowdown + roundTripNanos + point.delayMs() * 1e6);
        double compute = iterations * nanosPerIteration / Math.min(slots, cores);
        return new Terms(compute, perSlot, chunks * coordinatorNanosPerChunk, chunks * bytesPerChunk * nanosPerByte);
    }
}
