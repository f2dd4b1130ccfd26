package arena.strategy.akkacluster;

import akka.actor.ExtendedActorSystem;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorRefResolver;
import akka.actor.typed.javadsl.Adapter;
import akka.serialization.SerializerWithStringManifest;
import arena.core.RowRange;
import arena.core.problem.JuliaParams;
import arena.strategy.akkacluster.Protocol.CancelRun;
import arena.strategy.akkacluster.Protocol.ChunkDone;
import arena.strategy.akkacluster.Protocol.ChunkTimes;
import arena.strategy.akkacluster.Protocol.ChunkFailed;
import arena.strategy.akkacluster.Protocol.ComputeChunk;
import arena.strategy.akkacluster.Protocol.CountRows;
import java.io.NotSerializableException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes the {@link Protocol} messages as compact little-endian binary, one manifest letter per
 * type: {@code C} ComputeChunk (about 120 bytes), {@code R} CountRows, {@code X} CancelRun
 * (8 bytes), {@code D} ChunkDone (28 bytes plus 4 per count), {@code T} ChunkTimes (about 50 bytes),
 * {@code F} ChunkFailed. Actor references travel as Akka's string form. It builds nothing but these six records: an unknown manifest or a malformed payload is
 * refused with {@link NotSerializableException}, and with Java serialization off no other
 * application type can cross the network at all.
 *
 * <p>Akka creates one instance per actor system, by reflection, and may call it from any thread;
 * it holds no mutable state beyond the lazily resolved reference resolver.
 */
public final class ProtocolSerializer extends SerializerWithStringManifest {

    /** This serializer's id; Akka reserves 0 to 40 for its own. */
    static final int IDENTIFIER = 880_401;

    private final ExtendedActorSystem system;
    private volatile ActorRefResolver resolver;

    /** Called by Akka's serialization extension. */
    public ProtocolSerializer(ExtendedActorSystem system) {
        this.system = system;
    }

    @Override
    public int identifier() {
        return IDENTIFIER;
    }

    @Override
    public String manifest(Object message) {
        return switch (message) {
            case ComputeChunk m -> "C";
            case CountRows m -> "R";
            case CancelRun m -> "X";
            case ChunkDone m -> "D";
            case ChunkTimes m -> "T";
            case ChunkFailed m -> "F";
            default -> throw new IllegalArgumentException("not a message of the akka-cluster protocol: " + message.getClass());
        };
    }

    @Override
    public byte[] toBinary(Object message) {
        return switch (message) {
            case ComputeChunk m -> {
                byte[] kernel = utf8(m.kernel());
                byte[] replyTo = utf8(resolver().toSerializationFormat(m.replyTo()));
                JuliaParams p = m.params();
                ByteBuffer out = buffer(8 + 4 + 4 + 4 * 8 + 4 + 4 + 4 + 4 + kernel.length + 4 + replyTo.length + 1);
                out.putLong(m.job()).putInt(m.chunk()).putInt(p.resolution()).putDouble(p.cRe()).putDouble(p.cIm())
                        .putDouble(p.bound()).putDouble(p.zMax()).putInt(p.nMax()).putInt(m.rows().start()).putInt(m.rows().end());
                putBytes(out, kernel);
                putBytes(out, replyTo);
                out.put((byte) (m.timed() ? 1 : 0));
                yield out.array();
            }
            case CountRows m -> {
                byte[] replyTo = utf8(resolver().toSerializationFormat(m.replyTo()));
                ByteBuffer out = buffer(8 + 4 + 4 + 4 + replyTo.length + 4 + 4 * m.cells().length);
                out.putLong(m.job()).putInt(m.chunk()).putInt(m.value());
                putInts(out, m.cells());
                putBytes(out, replyTo);
                yield out.array();
            }
            case CancelRun m -> buffer(8).putLong(m.job()).array();
            case ChunkDone m -> {
                ByteBuffer out = buffer(8 + 4 + 4 + 8 + 4 + 4 * m.counts().length);
                out.putLong(m.job()).putInt(m.chunk()).putInt(m.firstRow()).putLong(m.countEqual());
                putInts(out, m.counts());
                yield out.array();
            }
            case ChunkTimes m -> {
                byte[] thread = utf8(m.thread());
                ByteBuffer out = buffer(8 + 4 + 8 + 8 + 4 + thread.length);
                out.putLong(m.job()).putInt(m.chunk()).putLong(m.queuedNanos()).putLong(m.computeNanos());
                putBytes(out, thread);
                yield out.array();
            }
            case ChunkFailed m -> {
                byte[] className = utf8(m.className());
                byte[] text = m.message() == null ? null : utf8(m.message());
                ByteBuffer out = buffer(8 + 4 + 4 + className.length + 4 + (text == null ? 0 : text.length));
                out.putLong(m.job()).putInt(m.chunk());
                putBytes(out, className);
                putBytes(out, text);
                yield out.array();
            }
            default -> throw new IllegalArgumentException("not a message of the akka-cluster protocol: " + message.getClass());
        };
    }

    @Override
    public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        Object message;
        try {
            message = switch (manifest) {
                case "C" -> readComputeChunk(in);
                case "R" -> new CountRows(in.getLong(), in.getInt(), in.getInt(), getInts(in), resolve(getString(in)));
                case "X" -> new CancelRun(in.getLong());
                case "D" -> new ChunkDone(in.getLong(), in.getInt(), in.getInt(), in.getLong(), getInts(in));
                case "T" -> readChunkTimes(in);
                case "F" -> new ChunkFailed(in.getLong(), in.getInt(), getString(in), getString(in));
                default -> null;
            };
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            NotSerializableException refused = new NotSerializableException("malformed akka-cluster message with manifest "
                    + manifest + ": " + e);
            refused.initCause(e);
            throw refused;
        }
        if (message == null) {
            throw new NotSerializableException("manifest '" + manifest + "' is not a message of the akka-cluster protocol; "
                    + "this node accepts only ComputeChunk, CountRows, CancelRun, ChunkDone, ChunkTimes and ChunkFailed");
        }
        if (in.hasRemaining()) {
            throw new NotSerializableException(in.remaining() + " bytes left over after a message with manifest " + manifest);
        }
        return message;
    }

    /** Fields in write order (Java evaluates arguments left to right); JuliaParams and RowRange validate theirs. */
    private ComputeChunk readComputeChunk(ByteBuffer in) {
        long job = in.getLong();
        int chunk = in.getInt();
        JuliaParams params = new JuliaParams(in.getInt(), in.getDouble(), in.getDouble(), in.getDouble(), in.getDouble(), in.getInt());
        RowRange rows = new RowRange(in.getInt(), in.getInt());
        String kernel = getString(in);
        if (kernel == null) {
            throw new IllegalArgumentException("a kernel name is needed");
        }
        ActorRef<Protocol.WorkerReply> replyTo = resolve(getString(in));
        byte timed = in.get();
        if (timed != 0 && timed != 1) {
            throw new IllegalArgumentException("the timed flag is 0 or 1, not " + timed);
        }
        return new ComputeChunk(job, chunk, params, kernel, rows, replyTo, timed == 1);
    }

    private static ChunkTimes readChunkTimes(ByteBuffer in) {
        long job = in.getLong();
        int chunk = in.getInt();
        long queued = in.getLong();
        long compute = in.getLong();
        String thread = getString(in);
        if (thread == null || queued < 0 || compute < 0) {
            throw new IllegalArgumentException("a thread name and durations of at least 0 are needed");
        }
        return new ChunkTimes(job, chunk, thread, queued, compute);
    }

    private ActorRefResolver resolver() {
        ActorRefResolver r = resolver;
        if (r == null) {
            r = ActorRefResolver.get(Adapter.toTyped(system));
            resolver = r;
        }
        return r;
    }

    private ActorRef<Protocol.WorkerReply> resolve(String path) {
        if (path == null) {
            throw new IllegalArgumentException("a reply-to reference is needed");
        }
        return resolver().resolveActorRef(path);
    }

    private static ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A length (-1 for null) and the bytes. */
    private static void putBytes(ByteBuffer out, byte[] bytes) {
        if (bytes == null) {
            out.putInt(-1);
        } else {
            out.putInt(bytes.length).put(bytes);
        }
    }

    private static String getString(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        if (length > in.remaining()) {
            throw new BufferUnderflowException();
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void putInts(ByteBuffer out, int[] values) {
        out.putInt(values.length);
        out.asIntBuffer().put(values);
        out.position(out.position() + Integer.BYTES * values.length);
    }

    private static int[] getInts(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining() / Integer.BYTES) {
            throw new BufferUnderflowException();
        }
        int[] values = new int[length];
        in.asIntBuffer().get(values);
        in.position(in.position() + Integer.BYTES * length);
        return values;
    }
}
