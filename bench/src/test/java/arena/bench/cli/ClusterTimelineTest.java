package arena.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import arena.core.testkit.LiveThreads;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code arena timeline} of akka-cluster with two worker JVMs it starts on loopback: one lane per
 * worker node thread ({@code host:port/worker-N}), each node's time in flight in the summary, the
 * in-flight bars drawn under the compute bars, and no cluster thread left afterwards.
 */
class ClusterTimelineTest {

    private static final Pattern LANE = Pattern.compile("(?m)^  (127\\.0\\.0\\.1:\\d+)/worker-\\d+\\s+(\\d+)\\s");
    private static final Pattern IN_FLIGHT = Pattern.compile("(?m)^  node (127\\.0\\.0\\.1:\\d+): (\\d+\\.\\d+) ms in flight");

    @Test
    void localWorkers_getOneLanePerNodeThread_andTheSummaryGivesEachNodesTimeInFlight(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("timeline");
        CliRunner run = CliRunner.run("timeline", "--strategies", "akka-cluster", "--local-workers", "2", "--threads", "2",
                "--schedules", "dynamic:2", "--kernels", "scalar", "--resolution", "150", "--warmup", "0", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("akka-cluster/scalar/2t/dynamic:2: wall").doesNotContain("NOT IDENTICAL");
        List<String> laneNodes = LANE.matcher(run.out()).results().map(m -> m.group(1)).toList();
        int chunks = LANE.matcher(run.out()).results().mapToInt(m -> Integer.parseInt(m.group(2))).sum();
        // one lane per thread that computed: at least one per node (a node's dispatcher may hand its
        // chunks to more threads than --threads over a run, as its pool replaces or adds threads)
        assertThat(laneNodes).as("lanes of %s", run.out()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(laneNodes.stream().distinct()).as("two worker nodes").hasSize(2);
        assertThat(chunks).as("every chunk of dynamic:2 over 151 rows, once").isEqualTo(76);
        assertThat(IN_FLIGHT.matcher(run.out()).results().map(m -> m.group(1)).toList())
                .containsExactlyInAnyOrderElementsOf(laneNodes.stream().distinct().toList());
        assertThat(IN_FLIGHT.matcher(run.out()).results().map(m -> Double.parseDouble(m.group(2))))
                .allSatisfy(ms -> assertThat(ms).isPositive());

        BufferedImage chart = ImageIO.read(out.resolve("timeline-akka-cluster_scalar_2t_dynamic_2.png").toFile());
        assertThat(chart.getHeight()).as("one 26-pixel lane per node thread").isEqualTo(110 + 26 * laneNodes.size());
        assertThat(hasInFlightGrey(chart)).as("in-flight bars drawn").isTrue();
        assertThat(Files.readString(out.resolve("summary.txt"))).contains("ms in flight (network and queue");
        assertThat(LiveThreads.awaitNone("arena-akka-cluster", Duration.ofSeconds(10))).isEmpty();
    }

    private static boolean hasInFlightGrey(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 200; x < image.getWidth() - 30; x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == 0x9E9E9E) {
                    return true;
                }
            }
        }
        return false;
    }
}
