package arena.bench.report;

import arena.core.Timeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Recorded runs as one Chrome Trace Event JSON document, which the Perfetto UI
 * ({@code ui.perfetto.dev}) and {@code chrome://tracing} open: {@code {"traceEvents": [...],
 * "displayTimeUnit": "ms", "otherData": {...}}}. Each run is a process (pid 1, 2, ... in the order
 * given, named by a {@code process_name} metadata event) whose clock starts at the run's start; each
 * of its workers is a track (tid 1, 2, ... by worker name, named by a {@code thread_name} metadata
 * event); each chunk is a complete event ({@code "ph": "X"}, {@code ts} and {@code dur} in
 * microseconds) named after its rows, with {@code args} {@code rows} ("first..last", both included),
 * {@code iterations} and {@code cells}. Stateless; safe from any thread.
 */
public final class TimelineTrace {

    /** The file name {@code arena timeline --format trace} writes. */
    public static final String FILE = "timeline.trace.json";

    /**
     * One recorded run. Immutable.
     *
     * @param label      the process's name, e.g. the configuration's label
     * @param chunks     the run's chunks
     * @param gridWidth  cells per row, for each chunk's {@code cells}
     * @param startNanos {@link System#nanoTime()} at the run's start: time 0 of its process
     */
    public record Run(String label, List<Timeline.Chunk> chunks, int gridWidth, long startNanos) {
        /** Copies the chunks. */
        public Run {
            chunks = List.copyOf(chunks);
        }
    }

    private TimelineTrace() {
    }

    /** Writes the trace of {@code runs} to {@code file}; {@code otherData} goes into the document as it is. */
    public static void write(List<Run> runs, Map<String, String> otherData, Path file) throws IOException {
        Files.writeString(file, ReportJson.write(document(runs, otherData)) + "\n", StandardCharsets.UTF_8);
    }

    /** The trace document of {@code runs}, as maps and lists in the order they are written. */
    static Map<String, Object> document(List<Run> runs, Map<String, String> otherData) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int p = 0; p < runs.size(); p++) {
            Run run = runs.get(p);
            int pid = p + 1;
            events.add(metadata("process_name", pid, 0, "name", run.label()));
            events.add(metadata("process_sort_index", pid, 0, "sort_index", p));
            List<String> workers = new ArrayList<>(new TreeSet<>(run.chunks().stream().map(Timeline.Chunk::worker).toList()));
            for (int t = 0; t < workers.size(); t++) {
                events.add(metadata("thread_name", pid, t + 1, "name", workers.get(t)));
                events.add(metadata("thread_sort_index", pid, t + 1, "sort_index", t));
            }
            for (Timeline.Chunk chunk : run.chunks()) {
                events.add(slice(chunk, run, pid, workers.indexOf(chunk.worker()) + 1));
            }
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("traceEvents", events);
        document.put("displayTimeUnit", "ms");
        document.put("otherData", otherData);
        return document;
    }

    private static Map<String, Object> metadata(String name, int pid, int tid, String key, Object value) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("name", name);
        event.put("ph", "M");
        event.put("pid", pid);
        event.put("tid", tid);
        event.put("args", Map.of(key, value));
        return event;
    }

    private static Map<String, Object> slice(Timeline.Chunk chunk, Run run, int pid, int tid) {
        String rows = chunk.rows().start() + ".." + (chunk.rows().end() - 1);
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("rows", rows);
        args.put("iterations", chunk.iterations());
        args.put("cells", (long) chunk.rows().rows() * run.gridWidth());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("name", "rows " + rows);
        event.put("cat", "chunk");
        event.put("ph", "X");
        event.put("ts", micros(chunk.startNanos() - run.startNanos()));
        event.put("dur", micros(chunk.nanos()));
        event.put("pid", pid);
        event.put("tid", tid);
        event.put("args", args);
        return event;
    }

    /** Nanoseconds as the format's microseconds, to the nanosecond. */
    private static double micros(long nanos) {
        return nanos / 1000.0;
    }
}
