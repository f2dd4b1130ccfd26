package arena.strategy.akkacluster;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import arena.core.RowRange;
import arena.core.kernel.Kernels;
import arena.core.problem.Complex;
import arena.core.problem.JuliaParams;
import arena.strategy.akkacluster.Protocol.CancelRun;
import arena.strategy.akkacluster.Protocol.ChunkDone;
import arena.strategy.akkacluster.Protocol.ChunkTimes;
import arena.strategy.akkacluster.Protocol.ComputeChunk;
import arena.strategy.akkacluster.Protocol.CountRows;
import arena.strategy.akkacluster.Protocol.WorkerCommand;
import arena.strategy.akkacluster.Protocol.WorkerReply;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One worker actor with one computing thread, driven message by message: {@link CancelRun} stops
 * its kernel inside an endless pixel and frees the thread for the next job, and chunks of an
 * abandoned job are dropped unanswered. With a single thread, a next job's answer proves that the
 * cancelled chunk no longer computes.
 */
class ChunkWorkerTest {

    /** The chapter's grid at 21 x 21 and n_max 2^31-1: its interior pixels are seconds of work each. */
    private static final JuliaParams ENDLESS = JuliaParams.chapterCase().withResolution(20).withNMax(Integer.MAX_VALUE);
    private static final JuliaParams SMALL = JuliaParams.of(20, new Complex(-0.4, 0.6)).withNMax(500);

    private ActorTestKit testKit;
    private TestProbe<WorkerReply> coordinator;
    private ActorRef<WorkerCommand> worker;

    @BeforeEach
    void startOneWorkerWithOneThread() {
        testKit = ActorTestKit.create("ChunkWorkerTest", ConfigFactory.parseString("""
                akka.actor.provider = local
                arena-akka-cluster.worker-dispatcher {
                  type = Dispatcher
                  executor = thread-pool-executor
                  thread-pool-executor { fixed-pool-size = 1 }
                  throughput = 1
                }
                """));
        coordinator = testKit.createTestProbe();
        worker = testKit.spawn(ChunkWorker.create());
    }

    @AfterEach
    void stopTheWorker() {
        testKit.shutdownTestKit();
    }

    private ComputeChunk wholeGrid(long job, JuliaParams params) {
        return new ComputeChunk(job, 0, params, "scalar", new RowRange(0, params.size()), coordinator.getRef());
    }

    @Test
    void cancelRun_stopsTheKernelInsideAnEndlessPixel_andTheThreadServesTheNextJob() throws InterruptedException {
        worker.tell(wholeGrid(1, ENDLESS));
        Thread.sleep(300);

        long cancelled = System.nanoTime();
        worker.tell(new CancelRun(1));
        worker.tell(wholeGrid(2, SMALL));
        ChunkDone next = coordinator.expectMessageClass(ChunkDone.class, Duration.ofSeconds(3));
        long millis = (System.nanoTime() - cancelled) / 1_000_000;

        System.out.printf("akka-cluster worker: the next job answered %d ms after CancelRun of a chunk inside an endless pixel%n",
                millis);
        assertThat(next.job()).as("the cancelled job gets no answer").isEqualTo(2);
        int[] expected = new int[SMALL.cellCount()];
        Kernels.reference().computeRows(SMALL, expected, 0, SMALL.size());
        assertThat(next.counts()).containsExactly(expected);
        coordinator.expectNoMessage(Duration.ofMillis(200));
    }

    @Test
    void aTimedChunk_reportsItsQueueAndComputeTimeFromItsThread_beforeItsRows() {
        worker.tell(new ComputeChunk(3, 0, SMALL, "scalar", new RowRange(0, SMALL.size()), coordinator.getRef(), true));

        ChunkTimes times = coordinator.expectMessageClass(ChunkTimes.class, Duration.ofSeconds(3));
        ChunkDone rows = coordinator.expectMessageClass(ChunkDone.class, Duration.ofSeconds(3));

        assertThat(times.job()).isEqualTo(3);
        assertThat(times.thread()).as("node/thread; this node is local, so it has no host").matches("\\?:0/worker-\\d+");
        assertThat(times.queuedNanos()).isNotNegative();
        assertThat(times.computeNanos()).isPositive();
        assertThat(rows.job()).isEqualTo(3);
    }

    @Test
    void laneName_keepsTheDispatcherThreadsNumber() {
        assertThat(ChunkWorker.laneName("arena-akka-cluster-arena-akka-cluster.worker-dispatcher-12")).isEqualTo("worker-12");
        assertThat(ChunkWorker.laneName("main")).isEqualTo("main");
    }

    @Test
    void chunksOfAnAbandonedJob_arrivingAfterTheCancel_areDroppedUnanswered() {
        worker.tell(new CancelRun(7));
        worker.tell(wholeGrid(7, SMALL));
        worker.tell(new CountRows(7, 0, 500, new int[] {500, 1, 500}, coordinator.getRef()));
        coordinator.expectNoMessage(Duration.ofMillis(300));

        worker.tell(new CountRows(8, 0, 500, new int[] {500, 1, 500}, coordinator.getRef()));
        ChunkDone counted = coordinator.expectMessageClass(ChunkDone.class, Duration.ofSeconds(3));
        assertThat(counted.job()).isEqualTo(8);
        assertThat(counted.countEqual()).isEqualTo(2);
    }
}
