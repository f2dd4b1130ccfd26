package arena.core;

import arena.core.input.InvalidInputException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleTest {

    private static final List<Schedule> EDGE_SCHEDULES = List.of(
            new Schedule.Static(0), new Schedule.Static(1), new Schedule.Static(2), new Schedule.Static(7),
            new Schedule.Static(Integer.MAX_VALUE), new Schedule.Dynamic(1), new Schedule.Dynamic(3),
            new Schedule.Dynamic(Integer.MAX_VALUE), new Schedule.Guided(1), new Schedule.Guided(4),
            new Schedule.Guided(Integer.MAX_VALUE), new Schedule.Split(1), new Schedule.Split(3), new Schedule.Split(Integer.MAX_VALUE));

    @Test
    void everySchedule_coversEveryRowOnce_onEdgeCases() {
        int[] rowCounts = {1, 2, 3, 7, 8, 9, 64, 101, 1001};
        int[] threadCounts = {1, 2, 3, 4, 8, 16, 1024};
        for (Schedule schedule : EDGE_SCHEDULES) {
            for (int rows : rowCounts) {
                for (int threads : threadCounts) {
                    assertCoversEveryRowOnce(schedule, rows, threads);
                }
            }
        }
    }

    @Test
    void everySchedule_coversEveryRowOnce_onASeededRandomSweep() {
        long seed = Long.getLong("arena.seed", System.nanoTime());
        System.out.println("ScheduleTest sweep seed: " + seed + " (replay with -Darena.seed=" + seed + ")");
        SplittableRandom random = new SplittableRandom(seed);
        for (int run = 0; run < 5000; run++) {
            int rows = random.nextInt(1, 3000);
            int threads = random.nextInt(1, 64);
            int chunk = random.nextInt(1, 200);
            Schedule schedule = switch (random.nextInt(5)) {
                case 0 -> new Schedule.Static(0);
                case 1 -> new Schedule.Static(chunk);
                case 2 -> new Schedule.Dynamic(chunk);
                case 3 -> new Schedule.Guided(chunk);
                default -> new Schedule.Split(chunk);
            };
            assertCoversEveryRowOnce(schedule, rows, threads);
        }
    }

    @Test
    void staticWithoutChunk_givesOneContiguousBlockPerThread_firstBlocksOneRowLonger() {
        ChunkPlan plan = new Schedule.Static(0).plan(10, 4);
        assertThat(plan.chunks()).containsExactly(new RowRange(0, 3), new RowRange(3, 6), new RowRange(6, 8), new RowRange(8, 10));
        assertThat(plan.chunksOf(2)).containsExactly(new RowRange(6, 8));
    }

    @Test
    void staticWithChunk_dealsChunksRoundRobin_likeTheSeedsPrange() {
        ChunkPlan plan = new Schedule.Static(1).plan(5, 2);
        assertThat(plan.chunksOf(0)).containsExactly(new RowRange(0, 1), new RowRange(2, 3), new RowRange(4, 5));
        assertThat(plan.chunksOf(1)).containsExactly(new RowRange(1, 2), new RowRange(3, 4));
    }

    @Test
    void moreThreadsThanRows_leavesTheExtraWorkersWithoutChunks() {
        ChunkPlan plan = new Schedule.Static(0).plan(2, 5);
        assertThat(plan.chunksOf(0)).containsExactly(new RowRange(0, 1));
        assertThat(plan.chunksOf(4)).isEmpty();
    }

    @Test
    void guided_shrinksChunksTowardsTheMinimum() {
        ChunkPlan plan = new Schedule.Guided(2).plan(20, 2);
        assertThat(plan.chunks().stream().map(RowRange::rows).toList()).containsExactly(10, 5, 3, 2);
    }

    @Test
    void split_halvesDownToTheThreshold() {
        ChunkPlan plan = new Schedule.Split(3).plan(10, 2);
        assertThat(plan.chunks()).containsExactly(
                new RowRange(0, 2), new RowRange(2, 5), new RowRange(5, 7), new RowRange(7, 10));
    }

    @Test
    void dynamicQueue_handsOutEveryChunkOnceAcrossThreads() throws InterruptedException {
        ChunkPlan plan = new Schedule.Dynamic(1).plan(10_000, 4);
        ChunkQueue queue = plan.queue();
        int[] taken = new int[plan.size()];
        Thread[] workers = new Thread[4];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Thread(() -> {
                for (int id = queue.next(); id >= 0; id = queue.next()) {
                    synchronized (taken) {
                        taken[id]++;
                    }
                }
            });
            workers[w].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        assertThat(taken).containsOnly(1);
        assertThat(queue.next()).isEqualTo(-1);
    }

    @Test
    void parse_readsEveryForm() {
        assertThat(Schedule.parse("static")).isEqualTo(new Schedule.Static(0));
        assertThat(Schedule.parse("static:1")).isEqualTo(new Schedule.Static(1));
        assertThat(Schedule.parse("dynamic")).isEqualTo(new Schedule.Dynamic(1));
        assertThat(Schedule.parse("dynamic:16")).isEqualTo(new Schedule.Dynamic(16));
        assertThat(Schedule.parse("Guided:4")).isEqualTo(new Schedule.Guided(4));
        assertThat(Schedule.parse("guided")).isEqualTo(new Schedule.Guided(1));
        assertThat(Schedule.parse("split:8")).isEqualTo(new Schedule.Split(8));
    }

    @Test
    void parse_andSpec_roundTrip() {
        for (Schedule schedule : EDGE_SCHEDULES) {
            assertThat(Schedule.parse(schedule.spec())).isEqualTo(schedule);
        }
    }

    @Test
    void parse_rejectsBadSchedulesNamingTheParameterAndTheForms() {
        for (String bad : List.of("dynamic:0", "guided:-1", "fast", "", "static:", "static:x", "split:0", "dynamic:99999999999", "static:1:2")) {
            assertThatThrownBy(() -> Schedule.parse(bad))
                    .as(bad)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("schedule")
                    .hasMessageContaining("dynamic[:N]")
                    .extracting(e -> ((InvalidInputException) e).parameter()).isEqualTo("schedule");
        }
    }

    private static void assertCoversEveryRowOnce(Schedule schedule, int rows, int threads) {
        ChunkPlan plan = schedule.plan(rows, threads);
        int[] covered = new int[rows];
        if (plan.preassigned()) {
            for (int w = 0; w < threads; w++) {
                for (RowRange range : plan.chunksOf(w)) {
                    mark(covered, range);
                }
            }
        } else {
            plan.chunks().forEach(range -> mark(covered, range));
        }
        assertThat(covered).as("%s over %d rows with %d threads", schedule.spec(), rows, threads).containsOnly(1);
    }

    private static void mark(int[] covered, RowRange range) {
        for (int row = range.start(); row < range.end(); row++) {
            covered[row]++;
        }
    }
}
