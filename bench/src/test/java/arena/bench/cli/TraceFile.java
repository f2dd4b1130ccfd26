package arena.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * A Chrome Trace Event file as the timeline tests read it: {@link #read} checks every event's
 * structure (metadata names each process and track once; a chunk is a complete event with a
 * non-negative {@code ts} and {@code dur} on a named track, its rows, cells and iterations as
 * arguments) and keeps what the tests then ask about. Used by one test at a time.
 */
record TraceFile(Map<Integer, String> processes, Map<List<Integer>, String> tracks, Map<Integer, Set<String>> workersWithChunks,
                 Map<Integer, List<int[]>> rowsByProcess) {

    /** Reads and checks {@code file}, whose grids are all {@code gridWidth} cells wide. */
    static TraceFile read(Path file, int gridWidth) throws IOException {
        return read(file, process -> gridWidth);
    }

    /** Reads and checks {@code file}, whose process named {@code p} has a grid {@code gridWidth.applyAsInt(p)} cells wide. */
    static TraceFile read(Path file, ToIntFunction<String> gridWidth) throws IOException {
        JsonNode trace = JsonMapper.builder().build().readTree(file.toFile());
        assertThat(trace.path("displayTimeUnit").asText()).isEqualTo("ms");
        TraceFile read = new TraceFile(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
        for (JsonNode event : trace.path("traceEvents")) {
            int pid = event.path("pid").asInt();
            List<Integer> track = List.of(pid, event.path("tid").asInt());
            switch (event.path("ph").asText()) {
                case "M" -> {
                    if (event.path("name").asText().equals("process_name")) {
                        read.processes.put(pid, event.path("args").path("name").asText());
                    } else if (event.path("name").asText().equals("thread_name")) {
                        assertThat(read.tracks.put(track, event.path("args").path("name").asText())).as("one name per track").isNull();
                    }
                }
                case "X" -> {
                    assertThat(event.path("ts").isNumber() && event.path("dur").isNumber()).as(event.toString()).isTrue();
                    assertThat(event.path("ts").asDouble()).as(event.toString()).isNotNegative();
                    assertThat(event.path("dur").asDouble()).as(event.toString()).isNotNegative();
                    assertThat(read.tracks).as("the track of " + event).containsKey(track);
                    read.workersWithChunks.computeIfAbsent(pid, p -> new HashSet<>()).add(read.tracks.get(track));
                    String[] rows = event.path("args").path("rows").asText().split("\\.\\.");
                    int first = Integer.parseInt(rows[0]);
                    int last = Integer.parseInt(rows[1]);
                    assertThat(event.path("args").path("cells").asLong()).isEqualTo((last - first + 1) * (long) gridWidth.applyAsInt(read.processes.get(pid)));
                    assertThat(event.path("args").path("iterations").asLong()).isPositive();
                    read.rowsByProcess.computeIfAbsent(pid, p -> new ArrayList<>()).add(new int[] {first, last});
                }
                default -> throw new AssertionError("unexpected event " + event);
            }
        }
        return read;
    }

    /**
     * Checks that each process has one track per worker that computed a chunk, at most
     * {@code maxWorkers}, and that its chunks cover rows 0 to {@code rows - 1} once each.
     */
    void assertEachProcessCoversEveryRowOnce(int rows, int maxWorkers) {
        for (int pid : processes.keySet()) {
            List<String> named = tracks.entrySet().stream().filter(e -> e.getKey().get(0) == pid).map(Map.Entry::getValue).toList();
            assertThat(named).as("one track per worker of " + processes.get(pid)).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(workersWithChunks.get(pid)).hasSizeBetween(1, maxWorkers);
            List<int[]> chunks = rowsByProcess.get(pid);
            chunks.sort(Comparator.comparingInt(r -> r[0]));
            int next = 0;
            for (int[] chunk : chunks) {
                assertThat(chunk[0]).as("the chunks of " + processes.get(pid) + " cover every row once").isEqualTo(next);
                next = chunk[1] + 1;
            }
            assertThat(next).isEqualTo(rows);
        }
    }

    /** How many tracks the process named {@code process} has. */
    long tracksOf(String process) {
        return tracks.keySet().stream().filter(t -> process.equals(processes.get(t.get(0)))).count();
    }
}
