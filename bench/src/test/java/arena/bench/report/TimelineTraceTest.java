package arena.bench.report;

import arena.core.Execution;
import arena.core.Schedule;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.StrategyRegistry;
import arena.core.Timeline;
import arena.core.kernel.ScalarKernel;
import arena.core.problem.JuliaParams;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

class TimelineTraceTest {

    private static final JuliaParams PROBLEM = JuliaParams.of(60, JuliaParams.chapterCase().c());

    /** One recorded run of the threads strategy with {@code threads} workers and chunks of 5 rows. */
    private static TimelineTrace.Run recorded(String label, int threads) {
        try (Strategy strategy = StrategyRegistry.discover().find("threads").open(StrategyConfig.threads(threads))) {
            Timeline timeline = new Timeline();
            long start = System.nanoTime();
            strategy.compute(PROBLEM, new Execution(new Schedule.Dynamic(5), ScalarKernel.INSTANCE, timeline));
            return new TimelineTrace.Run(label, timeline.chunks(), PROBLEM.size(), start);
        }
    }

    @Test
    void eachRunIsAProcessOnItsOwnClock_itsWorkersTracksNumberedByName_eachChunkASliceInMicroseconds(@TempDir Path dir) throws Exception {
        List<TimelineTrace.Run> runs = List.of(recorded("two", 2), recorded("one", 1));
        Path file = dir.resolve(TimelineTrace.FILE);
        TimelineTrace.write(runs, Map.of("problem", PROBLEM.toString()), file);
        JsonNode trace = JsonMapper.builder().build().readTree(file.toFile());

        assertThat(trace.path("otherData").path("problem").asText()).isEqualTo(PROBLEM.toString());
        List<JsonNode> events = new ArrayList<>();
        trace.path("traceEvents").forEach(events::add);
        assertThat(events).filteredOn(e -> e.path("name").asText().equals("process_name"))
                .extracting(e -> e.path("pid").asInt() + "=" + e.path("args").path("name").asText()).containsExactly("1=two", "2=one");
        for (int pid = 1; pid <= runs.size(); pid++) {
            TimelineTrace.Run run = runs.get(pid - 1);
            List<String> workers = run.chunks().stream().map(Timeline.Chunk::worker).distinct().sorted().toList();
            int p = pid;
            assertThat(events).filteredOn(e -> e.path("name").asText().equals("thread_name") && e.path("pid").asInt() == p)
                    .extracting(e -> e.path("tid").asInt() + "=" + e.path("args").path("name").asText())
                    .containsExactlyElementsOf(workers.stream().map(w -> (workers.indexOf(w) + 1) + "=" + w).toList());
            List<JsonNode> slices = events.stream().filter(e -> e.path("ph").asText().equals("X") && e.path("pid").asInt() == p).toList();
            assertThat(slices).hasSameSizeAs(run.chunks());
            for (int i = 0; i < slices.size(); i++) {
                Timeline.Chunk chunk = run.chunks().get(i);
                JsonNode slice = slices.get(i);
                assertThat(slice.path("ts").asDouble()).isEqualTo((chunk.startNanos() - run.startNanos()) / 1000.0);
                assertThat(slice.path("dur").asDouble()).isEqualTo(chunk.nanos() / 1000.0);
                assertThat(slice.path("tid").asInt()).isEqualTo(workers.indexOf(chunk.worker()) + 1);
                assertThat(slice.path("name").asText()).isEqualTo("rows " + chunk.rows().start() + ".." + (chunk.rows().end() - 1));
                assertThat(slice.path("args").path("iterations").asLong()).isEqualTo(chunk.iterations());
                assertThat(slice.path("args").path("cells").asLong()).isEqualTo((long) chunk.rows().rows() * PROBLEM.size());
            }
        }
    }
}
