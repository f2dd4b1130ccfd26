package arena.strategy.akkacluster.scaling;

import java.util.ArrayList;
import java.util.List;

/**
 * The cost model carried to clusters this machine cannot hold: 1 (for reference), 16, 64 and 256 nodes of
 * {@value #THREADS} cores each (one thread per core, no sharing), on the seed case and at resolution
 * 20000 (n_max 1000 both; the iterations per cell taken from the measured seed case), each at grain 1
 * and at a coarse grain (four chunks per slot), for three designs:
 * <ul>
 *   <li>{@code as built}: every count travels back; per byte the slower of the coordinator's measured
 *       cost and a 10 Gbit/s link;</li>
 *   <li>{@code as built on 10 Gbit/s}: the same, per byte only the link's time (a coordinator with
 *       cores of its own, whose per-byte cost stays below the link's);</li>
 *   <li>{@code counts only}: results kept on the workers, each chunk answered with its digest and its
 *       count at n_max (no per-byte term);</li>
 *   <li>{@code 16 sub-coordinators}: a two-level tree, the per-chunk cost and the per-byte CPU cost
 *       split over 16 coordinators, each forwarding its share to the root as one stream; every count
 *       still crosses the root's 10 Gbit/s link.</li>
 * </ul>
 * Stateless.
 */
final class Projections {

    /** Threads (cores) per projected node. */
    static final int THREADS = 8;

    /** The CSV columns of {@link #csv}. */
    static final String HEADER = "case,nodes,threads,grain,chunks,design,compute_s,slots_s,coordinator_s,bytes_s,predicted_s,bound";

    private Projections() {
    }

    /** One CSV line per case, node count, grain and design. */
    static List<String> csv(CostModel model, double iterationsPerCell) {
        List<String> lines = new ArrayList<>();
        for (int resolution : List.of(1000, 20000)) {
            double iterations = iterationsPerCell * (resolution + 1.0) * (resolution + 1.0);
            for (int nodes : List.of(1, 16, 64, 256)) {
                int slots = nodes * THREADS;
                int coarse = Math.max(1, (resolution + 1) / (4 * slots));
                for (int grain : coarse == 1 ? List.of(1) : List.of(1, coarse)) {
                    Point point = new Point(nodes, THREADS, resolution, 1000, grain, 0);
                    double perByte = Math.max(model.coordinatorNanosPerByte(), CostModel.TEN_GBIT_NANOS_PER_BYTE);
                    String name = resolution == 1000 ? "seed" : "r" + resolution;
                    lines.add(line(name, point, "as built", model.terms(point, iterations, slots, perByte, point.bytesPerChunk())));
                    lines.add(line(name, point, "as built on 10 Gbit/s", model.terms(point, iterations, slots,
                            CostModel.TEN_GBIT_NANOS_PER_BYTE, point.bytesPerChunk())));
                    lines.add(line(name, point, "counts only",
                            model.terms(point, iterations, slots, 0, Point.REQUEST_BYTES + Point.REPLY_OVERHEAD_BYTES)));
                    CostModel.Terms tree = model.terms(point, iterations, slots,
                            Math.max(model.coordinatorNanosPerByte() / 16, CostModel.TEN_GBIT_NANOS_PER_BYTE), point.bytesPerChunk());
                    lines.add(line(name, point, "16 sub-coordinators",
                            new CostModel.Terms(tree.compute(), tree.slots(), tree.coordinator() / 16, tree.bytes())));
                }
            }
        }
        return lines;
    }

    private static String line(String name, Point point, String design, CostModel.Terms terms) {
        return "%s,%d,%d,%d,%d,%s,%.4f,%.4f,%.4f,%.4f,%.4f,%s".formatted(name, point.nodes(), point.threads(), point.grain(),
                point.chunks(), design, terms.compute() / 1e9, terms.slots() / 1e9, terms.coordinator() / 1e9, terms.bytes() / 1e9,
                terms.predicted() / 1e9, terms.bound());
    }
}
