package arena.core;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The JDK Flight Recorder event of one computed chunk, {@value #NAME}: any run under
 * {@code -XX:StartFlightRecording} (or a {@code jdk.jfr.Recording} that enables it) shows which worker
 * computed which rows, when, and how much work they took, in JDK Mission Control or
 * {@code jfr print --events arena.Chunk}. Emitted by {@link GridJob} for every strategy: its duration is
 * the chunk's kernel time for a chunk computed in this JVM; a chunk computed elsewhere
 * ({@link GridJob#accept}) is an instant event at its arrival, named after its remote worker. No stack
 * trace is taken. Disabled unless a recording enables it, and then it costs one check per chunk.
 *
 * <p>Threading: one instance per chunk, begun, filled and committed by the thread that computed or
 * received the chunk; never shared.
 */
@Name(ChunkEvent.NAME)
@Label("Chunk")
@Category("Concurrency Arena")
@Description("One chunk of rows computed by one worker of a strategy")
@StackTrace(false)
public final class ChunkEvent extends Event {

    /** The event's name in a recording. */
    public static final String NAME = "arena.Chunk";

    @Label("Strategy")
    @Description("The strategy that computed the grid")
    String strategy;

    @Label("Worker")
    @Description("The worker's name: its thread's, or its node's for remote workers")
    String worker;

    @Label("First Row")
    @Description("The chunk's first row, counted from 0")
    int firstRow;

    @Label("Rows")
    @Description("How many rows the chunk holds")
    int rows;

    @Label("Iterations")
    @Description("The sum of the chunk's escape counts: the work it took, independent of timing")
    long iterations;

    /** Fills in what the chunk was; the timing is the event's own ({@link #begin()}, {@link #end()}). */
    void describe(String strategy, String worker, RowRange chunk, long iterations) {
        this.strategy = strategy;
        this.worker = worker;
        this.firstRow = chunk.start();
        this.rows = chunk.rows();
        this.iterations = iterations;
    }
}
