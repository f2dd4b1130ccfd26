package arena.strategy.akkacluster;

import arena.core.ChunkPlan;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who holds which chunk of a run: the coordinator's ledger, kept apart from the actor so that the
 * hand-out rules can be read (and tested) on their own.
 *
 * <ul>
 *   <li>A shared plan (dynamic, guided) puts every chunk in one queue, in plan order; each worker
 *       takes the next one as a slot frees up.</li>
 *   <li>A pre-assigned plan (static, planned for {@code workers x threads} slots) gives chunk
 *       {@code id} to worker {@code id % workers}, which takes its own chunks in order. A worker
 *       that joins later owns nothing and takes only orphans.</li>
 *   <li>When a worker is lost, every chunk it held or still owned and that is not done goes back to
 *       the front of the shared queue, in id order (the orphans of a static plan), for any worker.</li>
 * </ul>
 *
 * <p>A chunk is done once; completing it frees its holder's slot. Threading: confined to the
 * coordinator actor.
 *
 * @param <K> how workers are identified
 */
final class ChunkBook<K> {

    private final ChunkPlan plan;
    private final boolean[] done;
    private final List<K> holder;
    private final Deque<Integer> shared = new ArrayDeque<>();
    private final Map<K, Deque<Integer>> owned = new LinkedHashMap<>();
    private final Map<K, Set<Integer>> inFlight = new LinkedHashMap<>();
    private int remaining;

    /** A ledger for {@code plan}, with {@code workers} present at the start (at least one). */
    ChunkBook(ChunkPlan plan, List<K> workers) {
        if (workers.isEmpty()) {
            throw new IllegalArgumentException("a run starts with at least one worker");
        }
        this.plan = plan;
        this.done = new boolean[plan.size()];
        this.holder = new ArrayList<>(Collections.<K>nCopies(plan.size(), null));
        this.remaining = plan.size();
        workers.forEach(this::addWorker);
        for (int id = 0; id < plan.size(); id++) {
            if (plan.preassigned()) {
                owned.get(workers.get(id % workers.size())).add(id);
            } else {
                shared.add(id);
            }
        }
    }

    /** Adds a worker that owns nothing yet; a known worker is left as it is. */
    void addWorker(K worker) {
        owned.putIfAbsent(worker, new ArrayDeque<>());
        inFlight.putIfAbsent(worker, new LinkedHashSet<>());
    }

    /**
     * Forgets a lost worker and puts its unfinished chunks (held and owned) back at the front of the
     * shared queue.
     *
     * @return how many chunks went back
     */
    int removeWorker(K worker) {
        Deque<Integer> mine = owned.remove(worker);
        Set<Integer> held = inFlight.remove(worker);
        if (held == null) {
            return 0;
        }
        List<Integer> back = new ArrayList<>(held);
        back.addAll(mine);
        held.forEach(id -> holder.set(id, null));
        back.removeIf(id -> done[id]);
        back.sort(null);
        for (int i = back.size() - 1; i >= 0; i--) {
            shared.addFirst(back.get(i));
        }
        return back.size();
    }

    /** The next chunk for {@code worker}, now held by it, or -1 when there is none for it. */
    int next(K worker) {
        if (!inFlight.containsKey(worker)) {
            return -1;
        }
        Integer id = poll(owned.get(worker));
        if (id == null) {
            id = poll(shared);
        }
        if (id == null) {
            return -1;
        }
        inFlight.get(worker).add(id);
        holder.set(id, worker);
        return id;
    }

    private Integer poll(Deque<Integer> queue) {
        Integer id;
        while ((id = queue.poll()) != null && done[id]) {
            // a chunk completed by a worker presumed lost; skip it
        }
        return id;
    }

    /** How many chunks {@code worker} holds. */
    int inFlight(K worker) {
        Set<Integer> held = inFlight.get(worker);
        return held == null ? 0 : held.size();
    }

    /**
     * Marks chunk {@code id} done and frees its holder's slot.
     *
     * @return the worker that held it, or {@code null} when none did (it had been put back)
     */
    K complete(int id) {
        if (!done[id]) {
            done[id] = true;
            remaining--;
        }
        return release(id);
    }

    /** Frees the slot of chunk {@code id}'s holder without completing it (the chunk failed); ignores ids outside the plan. */
    K release(int id) {
        if (id < 0 || id >= done.length) {
            return null;
        }
        K worker = holder.set(id, null);
        if (worker != null) {
            inFlight.get(worker).remove(id);
        }
        return worker;
    }

    /** Whether every chunk is done. */
    boolean finished() {
        return remaining == 0;
    }

    /** How many chunks are not done. */
    int remaining() {
        return remaining;
    }

    /** How many chunks the plan has. */
    int size() {
        return plan.size();
    }
}
