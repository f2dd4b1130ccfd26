package arena.strategy.akkacluster.scaling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How far {@code akka-cluster} scales, measured with real nodes and written for {@code docs/SCALING.md}:
 * <ol type="a">
 *   <li>the coordinator's capacity: chunks and bytes per second with 2 local worker JVMs x 8 chunks in
 *       flight on a cheap problem (n_max 1) at several grains, on loopback, the coordinator in this JVM;</li>
 *   <li>per-chunk network overhead at 0, 1 and 5 ms added before one worker by a forwarding proxy, one
 *       chunk in flight, nodes in network namespaces ({@link NamespaceRuns});</li>
 *   <li>speed-up at 1, 2 and 3 worker nodes in namespaces, each pinned to one of the 2 cores, on the
 *       seed case.</li>
 * </ol>
 * Each point is repeated ({@code --repeats}, 5 by default) after at least 5 s of warm-up runs (10 s
 * for part c's first point, whose workers are fresh JVMs); the medians fit a
 * {@link CostModel}, which is checked against every point and projected ({@link Projections}). Writes
 * {@code scaling-measurements.csv} (every run, with the load average after it),
 * {@code scaling-model.csv} (per point: median, prediction, error), {@code scaling-projections.csv},
 * {@code scaling-model.svg} and {@code scaling-run.txt} (machine, JDK, date, fitted costs, total time)
 * into {@code --out} (default {@code docs}). Run from the repository root, as root for the namespaces:
 * <pre>
 * mvn -B -ntp -q -pl strategies/akka-cluster -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/scaling.classpath -Dmdep.includeScope=test
 * java -cp strategies/akka-cluster/target/test-classes:strategies/akka-cluster/target/classes:$(cat strategies/akka-cluster/target/scaling.classpath) \
 *     arena.strategy.akkacluster.scaling.ScalingMeasurement --out docs
 * </pre>
 * {@code --from FILE} reads the runs from an earlier {@code scaling-measurements.csv} and only fits,
 * checks, projects and plots (the files it names are rewritten, the CSV of runs too).
 * {@code --quick} measures tiny problems once each (the smoke test's setting); {@code --parts a}
 * (any of {@code abc}) limits the parts, a model then being fitted only when all three ran. Bad
 * arguments exit 2 with one line; a failed measurement exits 1 naming it. Without network namespaces
 * (not root, no {@code ip}/{@code nft}) parts b and c are skipped with the reason printed.
 */
public final class ScalingMeasurement {

    private ScalingMeasurement() {
    }

    /** Runs as the class comment says and exits with its code. */
    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    /** Runs as the class comment says and returns the exit code. */
    static int run(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("scaling: " + e.getMessage());
            return 2;
        }
        long start = System.nanoTime();
        List<Sample> samples = new ArrayList<>();
        if (settings.from() != null) {
            try {
                samples.addAll(readRuns(settings.from()));
            } catch (IllegalArgumentException e) {
                System.err.println("scaling: --from: " + e.getMessage());
                return 2;
            }
        } else {
            try {
                if (settings.parts().contains("a")) {
                    samples.addAll(capacity(settings));
                }
                if (settings.parts().contains("b") || settings.parts().contains("c")) {
                    samples.addAll(inNamespaces(settings));
                }
            } catch (IllegalStateException e) {
                System.err.println("scaling: failed: " + e.getMessage());
                return 1;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        write(settings, samples, seconds);
        System.out.printf(Locale.ROOT, "scaling: measured in %.1f s, wrote %s%n", seconds, settings.out());
        return 0;
    }

    private static List<Sample> readRuns(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        if (lines.isEmpty() || !lines.getFirst().equals(Sample.HEADER)) {
            throw new IllegalArgumentException(csv + " does not start with the header " + Sample.HEADER);
        }
        return lines.stream().skip(1).map(Sample::parse).toList();
    }

    private static List<Sample> capacity(Settings settings) {
        List<Sample> samples = new ArrayList<>();
        int workers = settings.quick() ? 1 : 2;
        int threads = settings.quick() ? 2 : 8;
        int resolution = settings.quick() ? 99 : 1999;
        for (int grain : settings.quick() ? List.of(1) : List.of(1, 4, 16)) {
            Point point = new Point(workers, threads, resolution, 1, grain, 0);
            System.out.println("scaling a: " + point.label() + " ...");
            samples.addAll(CoordinatorProbe.measure("a", point, Map.of("local-workers", Integer.toString(workers)),
                    settings.warmUpSeconds(), settings.repeats()));
        }
        return samples;
    }

    private static List<Sample> inNamespaces(Settings settings) throws InterruptedException {
        NamespaceRuns runs;
        try {
            runs = NamespaceRuns.open();
        } catch (IllegalStateException e) {
            System.out.println("scaling: parts b and c skipped: " + e.getMessage());
            return List.of();
        }
        List<Sample> samples = new ArrayList<>();
        try (runs) {
            if (settings.parts().contains("b")) {
                samples.addAll(runs.overhead(settings.quick() ? 39 : 199, 1, 1, settings.quick() ? List.of(0, 1) : List.of(0, 1, 5),
                        settings.warmUpSeconds(), settings.repeats()));
            }
            if (settings.parts().contains("c")) {
                samples.addAll(settings.quick() ? runs.speedUp(100, 100, 4, settings.warmUpSeconds(), settings.repeats())
                        : runs.speedUp(1000, 1000, 4, settings.warmUpSeconds(), settings.repeats()));
            }
        }
        return samples;
    }

    private static void write(Settings settings, List<Sample> samples, double seconds) throws IOException {
        Path out = settings.out();
        Files.createDirectories(out);
        List<String> raw = new ArrayList<>(List.of(Sample.HEADER));
        samples.forEach(sample -> raw.add(sample.csv()));
        Files.write(out.resolve("scaling-measurements.csv"), raw);
        List<Measured> medians = Measured.medians(samples);
        List<String> run = new ArrayList<>(environment());
        run.add("command: ScalingMeasurement " + String.join(" ", settings.args()));
        run.add("total: %.1f s".formatted(seconds));
        boolean complete = medians.stream().map(Measured::part).distinct().count() == 3;
        if (complete) {
            CostModel model = CostModel.fit(medians, Runtime.getRuntime().availableProcessors());
            run.add(String.format(Locale.ROOT, "model: coordinator %.1f us per chunk + %.3f ns per byte (%.0f MB/s), round trip %.1f us, "
                    + "%.2f ns per iteration, %d cores", model.coordinatorNanosPerChunk() / 1e3, model.coordinatorNanosPerByte(),
                    model.coordinatorNanosPerByte() > 0 ? 1e3 / model.coordinatorNanosPerByte() : Double.POSITIVE_INFINITY,
                    model.roundTripNanos() / 1e3, model.nanosPerIteration(), model.cores()));
            List<String> checked = new ArrayList<>(List.of(
                    "part,nodes,threads,resolution,n_max,grain,delay_ms,repeats,median_ms,load1,chunks_per_s,mb_back_per_s,predicted_ms,error_pct,bound"));
            for (Measured m : medians) {
                CostModel.Terms terms = model.terms(m.point(), m.iterations());
                Point p = m.point();
                checked.add(String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%d,%d,%d,%.3f,%.2f,%.0f,%.2f,%.3f,%.1f,%s", m.part(), p.nodes(),
                        p.threads(), p.resolution(), p.nMax(), p.grain(), p.delayMs(), m.repeats(), m.medianNanos() / 1e6,
                        m.medianLoad1(), p.chunks() / (m.medianNanos() / 1e9), p.bytesBack() / (m.medianNanos() / 1e3),
                        terms.predicted() / 1e6, 100 * (terms.predicted() - m.medianNanos()) / m.medianNanos(), terms.bound()));
            }
            Files.write(out.resolve("scaling-model.csv"), checked);
            Measured seed = medians.stream().filter(m -> m.part().equals("c") && m.point().nodes() == 1).findFirst().orElseThrow();
            List<String> projected = new ArrayList<>(List.of(Projections.HEADER));
            projected.addAll(Projections.csv(model, (double) seed.iterations() / ((double) seed.point().rows() * seed.point().rows())));
            Files.write(out.resolve("scaling-projections.csv"), projected);
            Files.writeString(out.resolve("scaling-model.svg"), ModelChart.svg(medians, model));
        } else {
            run.add("model: not fitted (it needs parts a, b and c)");
        }
        Files.write(out.resolve("scaling-run.txt"), run);
        run.forEach(line -> System.out.println("scaling: " + line));
    }

    private static List<String> environment() {
        String cpu = "unknown";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse(cpu);
        } catch (IOException e) {
            // not Linux: the model name stays unknown
        }
        return List.of("date: " + Instant.now(), "cpu: " + cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores",
                "jdk: " + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"),
                "os: " + System.getProperty("os.name") + " " + System.getProperty("os.version"));
    }

    /**
     * The command line.
     *
     * @param out     where the files go
     * @param repeats repeats per point
     * @param quick   tiny problems
     * @param parts   which parts run, some of {@code abc}
     * @param from    a {@code scaling-measurements.csv} to fit and plot instead of measuring, or null
     * @param args    the arguments as given
     */
    record Settings(Path out, int repeats, boolean quick, String parts, Path from, List<String> args) {

        /** Reads {@code --out DIR}, {@code --repeats N} (1 to 20), {@code --quick}, {@code --parts abc}, {@code --from CSV}. */
        static Settings parse(String[] args) {
            Path out = Path.of("docs");
            int repeats = -1;
            boolean quick = false;
            String parts = "abc";
            Path from = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--out" -> out = Path.of(value(args, ++i, "--out"));
                    case "--repeats" -> {
                        String text = value(args, ++i, "--repeats");
                        try {
                            repeats = Integer.parseInt(text);
                        } catch (NumberFormatException e) {
                            repeats = 0;
                        }
                        if (repeats < 1 || repeats > 20) {
                            throw new IllegalArgumentException("--repeats must be a whole number from 1 to 20, got '" + text + "'");
                        }
                    }
                    case "--quick" -> quick = true;
                    case "--from" -> {
                        from = Path.of(value(args, ++i, "--from"));
                        if (!Files.isRegularFile(from)) {
                            throw new IllegalArgumentException("--from must name a scaling-measurements.csv file, got '" + from + "'");
                        }
                    }
                    case "--parts" -> {
                        parts = value(args, ++i, "--parts");
                        if (!parts.matches("[abc]{1,3}")) {
                            throw new IllegalArgumentException("--parts must be some of the letters a, b, c (e.g. 'abc', 'a'), got '" + parts + "'");
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i]
                            + "'; usage: ScalingMeasurement [--out DIR] [--repeats 1-20] [--quick] [--parts abc] [--from CSV]");
                }
            }
            return new Settings(out, repeats > 0 ? repeats : quick ? 1 : 5, quick, parts, from, List.of(args));
        }

        /** Seconds of warm-up runs before a point's repeats: 5, or 0 (one run) for {@code --quick}. */
        int warmUpSeconds() {
            return quick ? 0 : 5;
        }

        private static String value(String[] args, int index, String name) {
            if (index >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            return args[index];
        }
    }
}
