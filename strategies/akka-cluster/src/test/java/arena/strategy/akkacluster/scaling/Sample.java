package arena.strategy.akkacluster.scaling;

import java.util.List;

/**
 * One timed run of {@code akka-cluster}: where it ran, on what, and how long it took. Written as one
 * CSV line ({@link #csv()}, columns {@link #HEADER}) and read back ({@link #parse}), which is also how a
 * coordinator JVM in a network namespace hands its samples to {@link ScalingMeasurement}.
 *
 * @param part       {@code a} (coordinator capacity), {@code b} (network overhead) or {@code c} (speed-up)
 * @param point      the setting this sample belongs to, {@link Point}
 * @param repeat     which repetition of the point, from 1
 * @param wallNanos  the run's wall time, from the call until the grid was back
 * @param iterations the sum of the grid's counts: the work the run took
 * @param load1      the machine's one-minute load average right after the run ({@code /proc/loadavg})
 */
record Sample(String part, Point point, int repeat, long wallNanos, long iterations, double load1) {

    /** The CSV columns, in {@link #csv()}'s order. */
    static final String HEADER = "part,nodes,threads,resolution,n_max,grain,delay_ms,repeat,wall_ms,chunks,bytes_back,iterations,load1";

    /** Rejects an unknown part and non-positive times. */
    Sample {
        if (!List.of("a", "b", "c").contains(part)) {
            throw new IllegalArgumentException("part must be a, b or c, got " + part);
        }
        if (repeat < 1 || wallNanos <= 0) {
            throw new IllegalArgumentException("repeat must be >= 1 and wallNanos > 0, got " + repeat + ", " + wallNanos);
        }
    }

    /** The run's wall time in milliseconds. */
    double wallMillis() {
        return wallNanos / 1e6;
    }

    /** One CSV line, columns {@link #HEADER}. */
    String csv() {
        Point p = point;
        return String.join(",", part, Integer.toString(p.nodes()), Integer.toString(p.threads()), Integer.toString(p.resolution()),
                Integer.toString(p.nMax()), Integer.toString(p.grain()), Integer.toString(p.delayMs()), Integer.toString(repeat),
                "%.3f".formatted(wallMillis()), Integer.toString(p.chunks()), Long.toString(p.bytesBack()), Long.toString(iterations),
                "%.2f".formatted(load1));
    }

    /** Reads a line {@link #csv()} wrote. */
    static Sample parse(String line) {
        String[] f = line.strip().split(",");
        if (f.length != HEADER.split(",").length) {
            throw new IllegalArgumentException("not a sample line (" + HEADER + "): " + line);
        }
        Point point = new Point(Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4]),
                Integer.parseInt(f[5]), Integer.parseInt(f[6]));
        return new Sample(f[0], point, Integer.parseInt(f[7]), Math.round(Double.parseDouble(f[8]) * 1e6), Long.parseLong(f[11]),
                Double.parseDouble(f[12]));
    }

    /** The one-minute load average now, or -1 where {@code /proc/loadavg} cannot be read. */
    static double loadNow() {
        try {
            return Double.parseDouble(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }
}
