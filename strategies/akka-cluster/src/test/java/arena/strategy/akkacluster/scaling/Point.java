package arena.strategy.akkacluster.scaling;

/**
 * One setting of a scaling measurement: {@code nodes} worker nodes with {@code threads} computing
 * threads (chunks in flight) each, the seed case's {@code c} at {@code resolution} and {@code nMax},
 * {@code dynamic,grain}, and {@code delayMs} added on the hop to each worker. Immutable.
 *
 * @param nodes      worker nodes
 * @param threads    chunks in flight (and computing threads) per node
 * @param resolution the grid's resolution: {@code resolution + 1} rows of as many cells
 * @param nMax       the iteration limit
 * @param grain      rows per chunk
 * @param delayMs    latency added by the forwarding proxy in front of each worker, 0 for none
 */
record Point(int nodes, int threads, int resolution, int nMax, int grain, int delayMs) {

    /** Bytes of one {@code ComputeChunk} on the wire: about 120 of fields plus the reply-to reference (ProtocolSerializer). */
    static final int REQUEST_BYTES = 200;

    /** Bytes of a {@code ChunkDone} beside its counts: 28 of fields plus Artery's envelope, roughly. */
    static final int REPLY_OVERHEAD_BYTES = 60;

    /** Rejects values a run cannot have. */
    Point {
        if (nodes < 1 || threads < 1 || resolution < 1 || nMax < 1 || grain < 1 || delayMs < 0) {
            throw new IllegalArgumentException("nodes, threads, resolution, nMax and grain must be >= 1 and delayMs >= 0: " + nodes
                    + ", " + threads + ", " + resolution + ", " + nMax + ", " + grain + ", " + delayMs);
        }
    }

    /** Rows of the grid. */
    int rows() {
        return resolution + 1;
    }

    /** Chunks a run hands out. */
    int chunks() {
        return (rows() + grain - 1) / grain;
    }

    /** Bytes a run sends back to the coordinator: every count (4 bytes) plus each reply's overhead. */
    long bytesBack() {
        return 4L * rows() * rows() + (long) REPLY_OVERHEAD_BYTES * chunks();
    }

    /** Bytes per chunk both ways, on average. */
    double bytesPerChunk() {
        return REQUEST_BYTES + (double) bytesBack() / chunks();
    }

    /** A short label for tables and the plot, e.g. {@code 2x1 r1000 n1000 g4 +5ms}. */
    String label() {
        return nodes + "x" + threads + " r" + resolution + " n" + nMax + " g" + grain + (delayMs > 0 ? " +" + delayMs + "ms" : "");
    }
}
