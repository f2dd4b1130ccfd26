package arena.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridJobTest {

    private static final JuliaParams PROBLEM = JuliaParams.of(40, new Complex(-0.4, 0.6));

    private record Event(String worker, RowRange rows, long start, long end, long iterations) {
    }

    @Test
    void recordedExecution_reportsEveryChunkOnce_withItsIterations() {
        List<Event> events = Collections.synchronizedList(new ArrayList<>());
        ChunkRecorder recorder = (worker, rows, start, end, iterations) -> events.add(new Event(worker, rows, start, end, iterations));
        GridJob job = new GridJob("test", PROBLEM, new Execution(new Schedule.Dynamic(7), ScalarKernel.INSTANCE, recorder), 2);
        for (int id = 0; id < job.plan().size(); id++) {
            job.compute(id);
        }
        CountGrid grid = job.finish();
        assertThat(events).extracting(Event::rows).containsExactlyElementsOf(job.plan().chunks());
        assertThat(events.stream().mapToLong(Event::iterations).sum()).isEqualTo(grid.sum());
        assertThat(events).allSatisfy(e -> {
            assertThat(e.worker()).isEqualTo(Thread.currentThread().getName());
            assertThat(e.end()).isGreaterThanOrEqualTo(e.start());
        });
    }

    @Test
    void accept_placesRowsComputedElsewhere() {
        GridJob reference = new GridJob("reference", PROBLEM, Execution.reference(), 1);
        reference.compute(new RowRange(0, PROBLEM.size()));
        CountGrid expected = reference.finish();

        GridJob job = new GridJob("remote", PROBLEM, Execution.of(new Schedule.Dynamic(10)), 2);
        for (RowRange rows : job.plan().chunks()) {
            int[] counts = new int[rows.rows() * PROBLEM.size()];
            for (int r = rows.start(); r < rows.end(); r++) {
                System.arraycopy(expected.row(r), 0, counts, (r - rows.start()) * PROBLEM.size(), PROBLEM.size());
            }
            job.accept(rows, counts, "node-1", 0, 0);
        }
        assertThat(CountGrid.difference(expected, job.finish())).isEmpty();
    }

    @Test
    void accept_rejectsCountsOfTheWrongLength() {
        GridJob job = new GridJob("remote", PROBLEM, Execution.of(new Schedule.Dynamic(10)), 2);
        assertThatThrownBy(() -> job.accept(new RowRange(0, 2), new int[5], "node-1", 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("need 82 counts, got 5");
    }

    @Test
    void firstFailureWins_andFinishRethrowsIt() {
        GridJob job = new GridJob("test", PROBLEM, Execution.of(new Schedule.Dynamic(1)), 2);
        IllegalStateException first = new IllegalStateException("first");
        job.fail(first);
        job.fail(new IllegalArgumentException("second"));
        assertThat(job.stopped()).isTrue();
        assertThatThrownBy(job::finish).isInstanceOf(WorkerFailedException.class).cause().isSameAs(first);
    }
}
