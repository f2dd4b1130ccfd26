package arena.strategy.akkacluster.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The measurement program's smoke test: its part a on a tiny problem with a real local worker JVM,
 * the shape of what it writes, and its refusals. The full measurement (parts b and c in network
 * namespaces, minutes) is run by hand, as {@link ScalingMeasurement} says.
 */
class ScalingMeasurementTest {

    @TempDir
    Path out;

    @Test
    void quickCapacityRun_writesEveryRunWithItsLoad_leavesNoWorker_andFitsNoModelWithoutAllParts() throws Exception {
        int code = ScalingMeasurement.run(new String[] {"--quick", "--parts", "a", "--out", out.toString()});

        assertThat(code).isZero();
        List<String> lines = Files.readAllLines(out.resolve("scaling-measurements.csv"));
        assertThat(lines.getFirst()).isEqualTo(Sample.HEADER);
        assertThat(lines).hasSize(2);
        Sample sample = Sample.parse(lines.get(1));
        assertThat(sample.part()).isEqualTo("a");
        assertThat(sample.point()).isEqualTo(new Point(1, 2, 99, 1, 1, 0));
        assertThat(sample.wallNanos()).isPositive();
        assertThat(sample.iterations()).as("n_max 1: one iteration per cell").isEqualTo(100L * 100);
        assertThat(sample.load1()).isGreaterThanOrEqualTo(0);
        assertThat(Files.readAllLines(out.resolve("scaling-run.txt")))
                .anyMatch(line -> line.startsWith("jdk: "))
                .anyMatch(line -> line.startsWith("total: "))
                .contains("model: not fitted (it needs parts a, b and c)");
        assertThat(out.resolve("scaling-model.csv")).doesNotExist();
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).as("worker JVMs left").isEmpty();
    }

    @Test
    void fromEarlierRuns_fitsChecksProjectsAndPlots_withoutMeasuring() throws Exception {
        CostModel known = new CostModel(50_000, 2.0, 400_000, 3.5, 2);
        List<String> runs = new java.util.ArrayList<>(List.of(Sample.HEADER));
        List<Point> points = List.of(new Point(2, 8, 1999, 1, 1, 0), new Point(2, 8, 1999, 1, 16, 0), new Point(1, 1, 199, 1, 1, 0),
                new Point(1, 1, 199, 1, 1, 5), new Point(2, 1, 1000, 1000, 4, 0), new Point(1, 1, 1000, 1000, 4, 0));
        for (Point point : points) {
            String part = point.nMax() == 1000 ? "c" : point.threads() == 8 ? "a" : "b";
            long iterations = point.nMax() == 1000 ? 240_889_100L : (long) point.rows() * point.rows();
            long nanos = Math.round(known.terms(point, iterations).predicted());
            for (int repeat = 1; repeat <= 3; repeat++) {
                runs.add(new Sample(part, point, repeat, nanos + (repeat - 2) * 1_000_000L, iterations, 1.5).csv());
            }
        }
        Path csv = Files.write(out.resolve("runs.csv"), runs);

        int code = ScalingMeasurement.run(new String[] {"--from", csv.toString(), "--out", out.resolve("docs").toString()});

        assertThat(code).isZero();
        List<String> model = Files.readAllLines(out.resolve("docs/scaling-model.csv"));
        assertThat(model).hasSize(points.size() + 1);
        for (String row : model.subList(1, model.size())) {
            double error = Double.parseDouble(row.split(",")[13]);
            assertThat(Math.abs(error)).as("error of " + row).isLessThan(2.0);
        }
        assertThat(Files.readAllLines(out.resolve("docs/scaling-projections.csv"))).hasSizeGreaterThan(20);
        assertThat(Files.readString(out.resolve("docs/scaling-model.svg"))).contains("<circle ");
        assertThat(Files.readAllLines(out.resolve("docs/scaling-measurements.csv"))).isEqualTo(runs);
    }

    @Test
    void fromAFileThatIsNoRunsCsv_exits2() throws Exception {
        Path csv = Files.writeString(out.resolve("other.csv"), "a,b\n1,2\n");

        assertThat(ScalingMeasurement.run(new String[] {"--from", csv.toString(), "--out", out.toString()})).isEqualTo(2);
    }

    @Test
    void badArguments_exit2_withOneLineNamingTheParameterAndItsRange() throws Exception {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            code = ScalingMeasurement.run(new String[] {"--repeats", "0", "--out", out.resolve("never").toString()});
        } finally {
            System.setErr(saved);
        }

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("scaling: --repeats must be a whole number from 1 to 20, got '0'"
                + System.lineSeparator());
        assertThat(out.resolve("never")).doesNotExist();
    }

    @Test
    void unknownPart_isRefused_namingTheLettersAllowed() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ScalingMeasurement.Settings.parse(new String[] {"--parts", "ad"}))
                .hasMessage("--parts must be some of the letters a, b, c (e.g. 'abc', 'a'), got 'ad'");
    }
}
