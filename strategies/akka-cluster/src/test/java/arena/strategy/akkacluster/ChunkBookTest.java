package arena.strategy.akkacluster;

import static org.assertj.core.api.Assertions.assertThat;

import arena.core.Schedule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The coordinator's hand-out rules on their own, with workers named by letters. */
class ChunkBookTest {

    private static List<Integer> drain(ChunkBook<String> book, String worker) {
        List<Integer> taken = new ArrayList<>();
        int id;
        while ((id = book.next(worker)) >= 0) {
            taken.add(id);
        }
        return taken;
    }

    @Test
    void sharedPlan_handsChunksOutInPlanOrder_toWhoeverAsks() {
        ChunkBook<String> book = new ChunkBook<>(new Schedule.Dynamic(1).plan(5, 2), List.of("a", "b"));

        assertThat(book.next("a")).isZero();
        assertThat(book.next("b")).isEqualTo(1);
        assertThat(book.next("a")).isEqualTo(2);
        assertThat(book.inFlight("a")).isEqualTo(2);
        assertThat(book.complete(0)).isEqualTo("a");
        assertThat(book.inFlight("a")).isEqualTo(1);
    }

    @Test
    void staticPlan_givesChunkIdToWorkerIdModuloWorkers_andALateWorkerOwnsNothing() {
        ChunkBook<String> book = new ChunkBook<>(new Schedule.Static(1).plan(7, 4), List.of("a", "b"));
        book.addWorker("late");

        assertThat(drain(book, "a")).containsExactly(0, 2, 4, 6);
        assertThat(drain(book, "b")).containsExactly(1, 3, 5);
        assertThat(drain(book, "late")).isEmpty();
    }

    @Test
    void lostWorker_itsHeldAndOwnedChunksGoToTheFrontOfTheSharedQueue_forAnyWorker() {
        ChunkBook<String> book = new ChunkBook<>(new Schedule.Static(1).plan(8, 2), List.of("a", "b"));
        assertThat(book.next("a")).isZero();
        assertThat(book.next("a")).isEqualTo(2);
        book.complete(0);

        assertThat(book.removeWorker("a")).as("chunks put back").isEqualTo(3);

        assertThat(drain(book, "b")).containsExactly(1, 3, 5, 7, 2, 4, 6);
        assertThat(book.inFlight("a")).isZero();
    }

    @Test
    void chunkCompletedByALostWorkerAfterAll_isNotHandedOutAgain_andCountsOnce() {
        ChunkBook<String> book = new ChunkBook<>(new Schedule.Dynamic(1).plan(3, 2), List.of("a", "b"));
        int id = book.next("a");
        book.removeWorker("a");

        assertThat(book.complete(id)).as("no holder any more").isNull();
        assertThat(drain(book, "b")).containsExactly(1, 2);
        assertThat(book.remaining()).isEqualTo(2);
        book.complete(1);
        book.complete(2);
        assertThat(book.finished()).isTrue();
    }

    @Test
    void releasingAnIdOutsideThePlan_fromAMalformedAnswer_changesNothing() {
        ChunkBook<String> book = new ChunkBook<>(new Schedule.Dynamic(1).plan(4, 2), List.of("a", "b"));
        book.next("a");

        assertThat(book.release(99)).isNull();
        assertThat(book.release(-1)).isNull();
        assertThat(book.inFlight("a")).isEqualTo(1);
        assertThat(book.remaining()).isEqualTo(4);
    }
}
