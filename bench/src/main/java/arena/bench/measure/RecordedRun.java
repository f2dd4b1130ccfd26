package arena.bench.measure;

import arena.core.Timeline;
import java.util.List;

/**
 * One run recorded chunk by chunk ({@code compare --timeline}): its summary and its chunks, with
 * every time in the chunks counted from the run's start (0), so that a run recorded in a child JVM
 * means the same in its parent. Immutable.
 *
 * @param summary where the run's time went (imbalance, idle share, join cost)
 * @param chunks  its chunks in start order, times in nanoseconds since the run's start
 */
public record RecordedRun(Timeline.Summary summary, List<Timeline.Chunk> chunks) {

    /** Copies the chunks. */
    public RecordedRun {
        chunks = List.copyOf(chunks);
    }

    /** The run that started at {@code startNanos}, returned its result at {@code endNanos} and recorded into {@code timeline}. */
    public static RecordedRun of(Timeline timeline, long startNanos, long endNanos, int threads) {
        List<Timeline.Chunk> fromStart = timeline.chunks().stream()
                .map(c -> new Timeline.Chunk(c.worker(), c.rows(), c.startNanos() - startNanos, c.endNanos() - startNanos, c.iterations(),
                        c.sentNanos() - startNanos, c.receivedNanos() - startNanos))
                .toList();
        return new RecordedRun(timeline.summary(startNanos, endNanos, threads), fromStart);
    }
}
