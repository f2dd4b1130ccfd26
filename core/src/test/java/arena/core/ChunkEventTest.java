package arena.core;

import arena.core.kernel.ScalarKernel;
import arena.core.problem.Complex;
import arena.core.problem.JuliaParams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

class ChunkEventTest {

    private static final JuliaParams PROBLEM = JuliaParams.of(40, new Complex(-0.4, 0.6));

    /** What one recorded {@code arena.Chunk} event says. */
    private record Seen(String strategy, String worker, RowRange rows, long iterations, long durationNanos) {
        static Seen of(RecordedEvent event) {
            int first = event.getInt("firstRow");
            return new Seen(event.getString("strategy"), event.getString("worker"), new RowRange(first, first + event.getInt("rows")),
                    event.getLong("iterations"), event.getDuration().toNanos());
        }
    }

    /**
     * Runs {@code run} under a recording that enables the chunk event or disables it (a custom event is on in
     * any recording that does not say otherwise), and reads back the chunk events.
     */
    private static List<Seen> record(Path dir, boolean enabled, Runnable run) throws Exception {
        Path file = dir.resolve("run.jfr");
        try (Recording recording = new Recording()) {
            if (enabled) {
                recording.enable(ChunkEvent.NAME).withoutThreshold();
            } else {
                recording.disable(ChunkEvent.NAME);
            }
            recording.start();
            run.run();
            recording.stop();
            recording.dump(file);
        }
        List<Seen> seen = new ArrayList<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (event.getEventType().getName().equals(ChunkEvent.NAME)) {
                seen.add(Seen.of(event));
            }
        }
        seen.sort(Comparator.comparingInt(s -> s.rows().start()));
        return seen;
    }

    @Test
    void aRecordedSequentialRun_holdsOneEventPerChunk_coveringTheGridOnce(@TempDir Path dir) throws Exception {
        CountGrid[] grid = new CountGrid[1];
        Execution execution = new Execution(new Schedule.Dynamic(7), ScalarKernel.INSTANCE);
        List<Seen> seen = record(dir, true, () -> {
            try (Strategy sequential = new SequentialStrategy(StrategyConfig.threads(1))) {
                grid[0] = sequential.compute(PROBLEM, execution);
            }
        });
        assertThat(seen).extracting(Seen::rows).containsExactlyElementsOf(execution.schedule().plan(PROBLEM.size(), 1).chunks());
        assertThat(seen).extracting(Seen::strategy).containsOnly("sequential");
        assertThat(seen).extracting(Seen::worker).containsOnly(Thread.currentThread().getName());
        assertThat(seen.stream().mapToLong(Seen::iterations).sum()).isEqualTo(grid[0].sum());
        assertThat(seen).allSatisfy(s -> assertThat(s.durationNanos()).isPositive());
    }

    @Test
    void workersOnTheirOwnThreads_eachEmitTheirChunks(@TempDir Path dir) throws Exception {
        int workers = 3;
        GridJob job = new GridJob("threads-by-hand", PROBLEM, new Execution(new Schedule.Static(4), ScalarKernel.INSTANCE), workers);
        List<Seen> seen = record(dir, true, () -> {
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                threads.add(Thread.ofPlatform().name("worker-" + w).start(() -> job.computeOwnedChunks(worker)));
            }
            threads.forEach(ChunkEventTest::join);
        });
        CountGrid grid = job.finish();
        assertThat(seen).extracting(Seen::rows).containsExactlyElementsOf(job.plan().chunks());
        assertThat(seen).extracting(Seen::worker).containsOnly("worker-0", "worker-1", "worker-2");
        List<RowRange> ownedByWorker1 = new ArrayList<>();
        for (int id = 1; id < job.plan().size(); id += workers) {
            ownedByWorker1.add(job.plan().chunk(id));
        }
        assertThat(seen).filteredOn(s -> s.worker().equals("worker-1")).extracting(Seen::rows).containsExactlyElementsOf(ownedByWorker1);
        assertThat(seen.stream().mapToLong(Seen::iterations).sum()).isEqualTo(grid.sum());
    }

    @Test
    void aChunkComputedElsewhere_isAnInstantEventNamedAfterItsRemoteWorker(@TempDir Path dir) throws Exception {
        GridJob reference = new GridJob("reference", PROBLEM, Execution.reference(), 1);
        RowRange band = new RowRange(3, 9);
        reference.compute(band);
        CountGrid computed = reference.finish();
        int[] counts = new int[band.rows() * PROBLEM.size()];
        for (int row = band.start(); row < band.end(); row++) {
            System.arraycopy(computed.row(row), 0, counts, (row - band.start()) * PROBLEM.size(), PROBLEM.size());
        }
        GridJob receiving = new GridJob("cluster", PROBLEM, Execution.reference(), 2);
        List<Seen> seen = record(dir, true, () -> receiving.accept(band, counts, "node-2", 100, 200));
        long iterations = 0;
        for (int count : counts) {
            iterations += count;
        }
        assertThat(seen).containsExactly(new Seen("cluster", "node-2", band, iterations, 0));
    }

    @Test
    void aRecordingThatDisablesTheEvent_getsNone(@TempDir Path dir) throws Exception {
        List<Seen> seen = record(dir, false, () -> {
            try (Strategy sequential = new SequentialStrategy(StrategyConfig.threads(1))) {
                sequential.compute(PROBLEM, new Execution(new Schedule.Dynamic(7), ScalarKernel.INSTANCE));
            }
        });
        assertThat(seen).isEmpty();
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
