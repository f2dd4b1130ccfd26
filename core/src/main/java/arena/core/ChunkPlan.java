package arena.core;

import java.util.ArrayList;
import java.util.List;

/**
 * How a {@link Schedule} divides the rows of one run among {@code workers} workers: the chunks in
 * hand-out order (a chunk's id is its index) and, for static schedules, which worker owns which
 * chunk. Immutable; share it freely between workers.
 *
 * <p>Pre-assigned plans (static) give chunk {@code id} to worker {@code id % workers}. Shared plans
 * (dynamic, guided) let whichever worker is free take the next chunk, through a {@link ChunkQueue};
 * their chunk sequence does not depend on which worker takes what, so it is computed up front. A
 * split plan lists the leaves of the recursive halving; a work-stealing strategy recurses itself
 * (see {@link Schedule.Split}) and reaches exactly these leaves.
 *
 * @param chunks      the chunks in hand-out order; they cover every row exactly once
 * @param workers     the number of workers the plan is made for, &gt;= 1
 * @param preassigned whether chunk {@code id} belongs to worker {@code id % workers}
 */
public record ChunkPlan(List<RowRange> chunks, int workers, boolean preassigned) {

    /** Copies the chunk list. */
    public ChunkPlan {
        chunks = List.copyOf(chunks);
        if (workers < 1) {
            throw new IllegalArgumentException("a plan needs at least one worker, got " + workers);
        }
    }

    /** The number of chunks. */
    public int size() {
        return chunks.size();
    }

    /** Chunk {@code id}. */
    public RowRange chunk(int id) {
        return chunks.get(id);
    }

    /**
     * The chunks worker {@code worker} computes in a pre-assigned plan, in order; empty when it has
     * none (more workers than chunks).
     *
     * @throws IllegalStateException for a shared plan, whose chunks belong to no worker in advance
     */
    public List<RowRange> chunksOf(int worker) {
        if (!preassigned) {
            throw new IllegalStateException("chunks of a shared plan belong to whichever worker takes them");
        }
        List<RowRange> mine = new ArrayList<>();
        for (int id = worker; id < chunks.size(); id += workers) {
            mine.add(chunks.get(id));
        }
        return mine;
    }

    /** A fresh, thread-safe cursor over this plan's chunks. */
    public ChunkQueue queue() {
        return new ChunkQueue(this);
    }
}
