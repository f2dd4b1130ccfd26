package arena.core;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands out the chunks of a {@link ChunkPlan} in order, each exactly once, to whichever worker asks
 * first: OpenMP's dynamic and guided hand-out, one {@code getAndIncrement} per chunk.
 *
 * <p>Thread-safe and lock-free; any number of workers may call {@link #next()} at once.
 */
public final class ChunkQueue {

    private final ChunkPlan plan;
    private final AtomicInteger next = new AtomicInteger();

    ChunkQueue(ChunkPlan plan) {
        this.plan = plan;
    }

    /** The id of the next chunk, or -1 when every chunk has been handed out. */
    public int next() {
        int id = next.getAndIncrement();
        if (id >= plan.size()) {
            next.set(plan.size());
            return -1;
        }
        return id;
    }
}
