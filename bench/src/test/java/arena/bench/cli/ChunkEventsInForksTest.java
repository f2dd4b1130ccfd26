package arena.bench.cli;

import arena.core.ChunkEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code arena compare --forks 1} under {@code -XX:StartFlightRecording}, as a user would profile it: a
 * real parent JVM whose child gets its own recording file, and the child's recording holds every
 * measured run's chunks as {@code arena.Chunk} events. The recording's start message, which JFR
 * prints on the child's standard output beside its measurements, is passed on to stderr, not taken
 * for a broken measurement.
 */
class ChunkEventsInForksTest {

    /** 61 rows in chunks of 8: 8 chunks a run. */
    private static final int CHUNKS_PER_RUN = 8;

    @Test
    void aForkedCompareUnderFlightRecording_leavesTheChildsChunksInTheChildsOwnRecording(@TempDir Path dir) throws Exception {
        List<String> command = new ArrayList<>(ChildCli.command("compare", "--strategies", "threads", "--threads", "2", "--schedules",
                "dynamic:8", "--kernels", "scalar", "--resolution", "60", "--warmup", "1", "--repeat", "2", "--max-repeat", "2",
                "--budget", "0", "--forks", "1"));
        command.add(1, "-XX:StartFlightRecording=filename=" + dir.resolve("run.jfr") + ",dumponexit=true");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        try {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("compare ended within 120 s").isTrue();
            assertThat(process.exitValue()).as(java.nio.file.Files.readString(dir.resolve("out.txt"))).isZero();
        } finally {
            process.destroyForcibly();
        }

        List<String> childRecordings = ChildCli.names(dir).stream().filter(name -> name.matches("run-fork\\d+-\\d+\\.jfr")).toList();
        assertThat(childRecordings).as("one recording per child, beside the parent's run.jfr").hasSize(1);
        assertThat(ChildCli.names(dir)).contains("run.jfr");
        assertThat(chunkEvents(dir.resolve("run.jfr"))).as("the parent measures nothing itself")
                .noneMatch(event -> event.getString("strategy").equals("threads"));

        List<RecordedEvent> measured = chunkEvents(dir.resolve(childRecordings.get(0))).stream()
                .filter(event -> event.getString("strategy").equals("threads")).toList();
        Map<String, Long> runsPerChunk = measured.stream().collect(Collectors.groupingBy(
                event -> event.getInt("firstRow") + "+" + event.getInt("rows"), TreeMap::new, Collectors.counting()));
        assertThat(runsPerChunk).as("every chunk of the plan, once in each run").hasSize(CHUNKS_PER_RUN);
        assertThat(runsPerChunk.values().stream().distinct().toList()).as("as many runs for every chunk").hasSize(1);
        assertThat(runsPerChunk.values().iterator().next()).as("the warm-up and the samples, at least").isGreaterThanOrEqualTo(3);
        assertThat(measured.stream().mapToInt(event -> event.getInt("rows")).sum() / runsPerChunk.values().iterator().next())
                .as("rows of one run").isEqualTo(61);
        assertThat(measured).allSatisfy(event -> {
            assertThat(event.getString("worker")).isNotBlank();
            assertThat(event.getLong("iterations")).isPositive();
        });
    }

    private static List<RecordedEvent> chunkEvents(Path recording) throws java.io.IOException {
        return RecordingFile.readAllEvents(recording).stream().filter(event -> event.getEventType().getName().equals(ChunkEvent.NAME))
                .toList();
    }
}
