package arena.strategy.akkacluster;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.actor.typed.javadsl.Adapter;
import akka.serialization.Serialization;
import akka.serialization.SerializationExtension;
import arena.core.RowRange;
import arena.core.problem.JuliaParams;
import arena.strategy.akkacluster.Protocol.CancelRun;
import arena.strategy.akkacluster.Protocol.ChunkDone;
import arena.strategy.akkacluster.Protocol.ChunkTimes;
import arena.strategy.akkacluster.Protocol.ChunkFailed;
import arena.strategy.akkacluster.Protocol.ComputeChunk;
import arena.strategy.akkacluster.Protocol.CountRows;
import arena.strategy.akkacluster.Protocol.WorkerReply;
import com.typesafe.config.ConfigFactory;
import java.io.NotSerializableException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The wire format of the six protocol messages through Akka's own serialization extension, set up
 * as every node is: each message survives a round trip field by field, anything else is refused.
 */
class ProtocolSerializerTest {

    private static ActorTestKit testKit;
    private static Serialization serialization;
    private static ActorRef<WorkerReply> replyTo;

    @BeforeAll
    static void startActorSystem() {
        testKit = ActorTestKit.create("ProtocolSerializerTest",
                ConfigFactory.parseString("akka.actor.provider = local").withFallback(ClusterSettings.serialization()));
        serialization = SerializationExtension.get(Adapter.toClassic(testKit.system()));
        TestProbe<WorkerReply> probe = testKit.createTestProbe();
        replyTo = probe.getRef();
    }

    @AfterAll
    static void stopActorSystem() {
        testKit.shutdownTestKit();
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T message) {
        assertThat(serialization.findSerializerFor(message)).isInstanceOf(ProtocolSerializer.class);
        byte[] bytes = serialization.serialize(message).get();
        ProtocolSerializer serializer = (ProtocolSerializer) serialization.findSerializerFor(message);
        return (T) serialization.deserialize(bytes, serializer.identifier(), serializer.manifest(message)).get();
    }

    @Test
    void computeChunk_survivesARoundTrip() {
        ComputeChunk sent = new ComputeChunk(-42L, 7, new JuliaParams(1000, 0.322, 0.05, 1.5, 4.0, 1000), "scalar",
                new RowRange(10, 20), replyTo);

        assertThat(roundTrip(sent)).isEqualTo(sent);
    }

    @Test
    void computeChunk_keepsItsTimedFlag_andAFlagOtherThanZeroOrOneIsRefused() {
        ComputeChunk timed = new ComputeChunk(3L, 1, JuliaParams.chapterCase(), "scalar", new RowRange(0, 4), replyTo, true);

        assertThat(roundTrip(timed)).isEqualTo(timed);
        assertThat(timed).isNotEqualTo(new ComputeChunk(3L, 1, JuliaParams.chapterCase(), "scalar", new RowRange(0, 4), replyTo));
        byte[] bytes = serialization.serialize(timed).get();
        bytes[bytes.length - 1] = 2;
        assertThat(serialization.deserialize(bytes, ProtocolSerializer.IDENTIFIER, "C").isFailure()).isTrue();
    }

    @Test
    void countRows_survivesARoundTrip() {
        int[] cells = IntStream.range(0, 3 * 11).map(i -> i * 31 - 5).toArray();
        CountRows sent = new CountRows(Long.MAX_VALUE, 3, 1000, cells, replyTo);

        CountRows received = roundTrip(sent);

        assertThat(received.job()).isEqualTo(sent.job());
        assertThat(received.chunk()).isEqualTo(3);
        assertThat(received.value()).isEqualTo(1000);
        assertThat(received.cells()).containsExactly(cells);
        assertThat(received.replyTo()).isEqualTo(replyTo);
    }

    @Test
    void cancelRun_survivesARoundTrip_inEightLittleEndianBytes() {
        CancelRun sent = new CancelRun(0x0102030405060708L);

        byte[] bytes = serialization.serialize(sent).get();

        assertThat(bytes).containsExactly(8, 7, 6, 5, 4, 3, 2, 1);
        assertThat(roundTrip(sent)).isEqualTo(sent);
        assertThat(roundTrip(new CancelRun(Long.MIN_VALUE))).isEqualTo(new CancelRun(Long.MIN_VALUE));
    }

    @Test
    void chunkDone_survivesARoundTrip_asLittleEndianInts() {
        int[] counts = {0, 1, 1000, Integer.MAX_VALUE, -1};
        ChunkDone sent = new ChunkDone(5L, 9, 40, 1L, counts);

        byte[] bytes = serialization.serialize(sent).get();
        ChunkDone received = roundTrip(sent);

        assertThat(bytes).hasSize(28 + 4 * counts.length);
        assertThat(Arrays.copyOfRange(bytes, 28, 32)).containsExactly(0, 0, 0, 0);
        assertThat(Arrays.copyOfRange(bytes, 36, 40)).containsExactly(0xe8 - 256, 0x03, 0, 0);
        assertThat(received.job()).isEqualTo(5L);
        assertThat(received.chunk()).isEqualTo(9);
        assertThat(received.firstRow()).isEqualTo(40);
        assertThat(received.countEqual()).isEqualTo(1L);
        assertThat(received.counts()).containsExactly(counts);
    }

    @Test
    void chunkTimes_surviveARoundTrip_andNegativeDurationsAreRefused() {
        ChunkTimes sent = new ChunkTimes(5L, 9, "127.0.0.1:25520/worker-3", 1_234L, 56_789_000L);

        assertThat(roundTrip(sent)).isEqualTo(sent);
        ProtocolSerializer serializer = new ProtocolSerializer(null);
        byte[] negative = serializer.toBinary(new ChunkTimes(5L, 9, "w", -1L, 0L));
        assertThatThrownBy(() -> serializer.fromBinary(negative, "T")).isInstanceOf(NotSerializableException.class);
    }

    @Test
    void chunkFailed_survivesARoundTrip_withOrWithoutAMessage() {
        ChunkFailed withMessage = new ChunkFailed(1L, 2, "java.lang.IllegalStateException", "bad row 37 — ünïcödé");
        ChunkFailed withoutMessage = new ChunkFailed(1L, 2, "java.lang.NullPointerException", null);

        assertThat(roundTrip(withMessage)).isEqualTo(withMessage);
        assertThat(roundTrip(withoutMessage)).isEqualTo(withoutMessage);
    }

    @Test
    void objectsOfOtherTypes_areRefused_javaSerializationBeingOff() {
        record Foreign(String text) implements Serializable {
            private static final long serialVersionUID = 1L;
        }

        assertThat(serialization.serialize(new Foreign("hello")).isFailure()).as("a Serializable record").isTrue();
        assertThat(serialization.serialize(new Object()).isFailure()).as("a plain object").isTrue();
        assertThatThrownBy(() -> new ProtocolSerializer(null).toBinary(new Foreign("hello")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownManifestsAndMalformedBytes_areRefused() {
        ProtocolSerializer serializer = new ProtocolSerializer(null);
        byte[] done = serializer.toBinary(new ChunkDone(1L, 2, 3, 4L, new int[] {1, 2, 3}));

        assertThatThrownBy(() -> serializer.fromBinary(done, "java.lang.Runtime"))
                .isInstanceOf(NotSerializableException.class)
                .hasMessageContaining("not a message of the akka-cluster protocol");
        assertThatThrownBy(() -> serializer.fromBinary(Arrays.copyOf(done, done.length - 1), "D"))
                .isInstanceOf(NotSerializableException.class);
        assertThatThrownBy(() -> serializer.fromBinary(Arrays.copyOf(done, done.length + 4), "D"))
                .isInstanceOf(NotSerializableException.class)
                .hasMessageContaining("left over");
        assertThatThrownBy(() -> serializer.fromBinary(new byte[7], "X"))
                .as("a CancelRun one byte short")
                .isInstanceOf(NotSerializableException.class);
        assertThatThrownBy(() -> serializer.fromBinary(new byte[9], "X"))
                .as("a CancelRun one byte long")
                .isInstanceOf(NotSerializableException.class)
                .hasMessageContaining("left over");
    }
}
