package arena.strategy.streams;

import arena.core.AbstractForkJoinPoolStrategy;
import arena.core.BlockCounts;
import arena.core.CountGrid;
import arena.core.GridJob;
import arena.core.Schedule;
import arena.core.StrategyConfig;
import arena.core.StrategyProvider;
import arena.core.concurrent.Uninterruptibly;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Java's parallel streams: every run is one {@code IntStream.range(0, n).parallel().forEach(...)}
 * over chunk ids or worker ids, and the fraction one {@code mapToLong(...).sum()}, each submitted as a
 * task to a {@link ForkJoinPool} of exactly {@link #threads()} workers that the strategy creates on
 * open (threads named {@code arena-streams-N}) and shuts down on close. A parallel stream runs its
 * tasks in the pool of the thread that starts it ({@link java.util.concurrent.ForkJoinTask#fork()}
 * forks into the current worker's pool) and sizes its split from that pool's parallelism, so
 * {@code --threads} is honoured.
 *
 * <p><b>Why not the common pool</b>, the default of a bare {@code parallel()}: its size is
 * process-wide, fixed once by {@code java.util.concurrent.ForkJoinPool.common.parallelism} (by
 * default one less than the cores), so {@code --threads} could not change it; any other code of the
 * process (another strategy, a library, a {@code CompletableFuture}) shares it and would compete for
 * its workers or measure ours; and its threads cannot be named, counted or shut down, so the
 * strategy could not prove that nothing of it is left running.
 *
 * <p><b>What each schedule means here</b> (only what a stream's splitting can express is declared):
 * <ul>
 *   <li>{@code split:N}: the elements are the chunk ids of the split plan, whose chunks are exactly the
 *       leaves of {@link Schedule.Split}'s halving of the rows, one kernel call each. The stream then
 *       halves the <em>range of ids</em> recursively ({@code Spliterator.trySplit}), forks the halves
 *       into the pool and lets idle workers steal them, down to about four tasks per worker (its own
 *       leaf target), each task walking its ids in order. So the bands are those of
 *       {@code forkjoin}'s split, but the unit of stealing is a run of consecutive leaves that the
 *       stream chooses, not one leaf.</li>
 *   <li>{@code static} and {@code static:N}: the elements are the worker ids {@code 0..threads-1};
 *       element {@code w} computes the chunks the plan pre-assigns to worker {@code w}
 *       ({@link GridJob#computeOwnedChunks}), in order. With {@code threads} elements and a leaf
 *       target of {@code 4 * threads} the stream splits down to one worker per task; which pool
 *       thread runs which worker is work stealing's choice, and a thread that finished its worker may
 *       run one not yet started, so a static run uses at most (not always exactly) {@code threads}
 *       threads.</li>
 *   <li>{@code dynamic} and {@code guided} are refused: a stream has no first-come-first-served
 *       hand-out. Its splitting decides by halving which run of elements each task holds, and a free
 *       worker steals the oldest pending half, not the next chunk in plan order. Draining a shared
 *       queue from a stream of worker ids would be another model (an executor's) in a stream's
 *       clothes.</li>
 * </ul>
 *
 * <p><b>Failures</b>: no element ever throws. An element whose kernel throws records that very
 * instance with {@link GridJob#fail} and returns normally; elements that start later see
 * {@link GridJob#stopped()} and skip their work. So the stream never aborts (an aborting stream
 * completes its root as soon as the failure propagates, while sibling tasks may still be computing,
 * and rethrows in the caller what may be a reflectively made copy of the exception), and
 * {@code forEach} returns only once every task has ended.
 *
 * <p><b>Fraction</b>: the rows are cut into {@code threads} contiguous bands ({@code static}); the
 * stream maps each band to its {@link CountGrid#countEqualInRows} and sums the longs. Integer sums are
 * exact, so the fraction is bit-identical.
 *
 * <p>Threading: as {@link arena.core.Strategy}, one caller at a time. The caller's thread only submits
 * the stream and waits on its future; every element runs on a pool thread, and the future's
 * completion gives the caller a happens-before edge over every cell written. If the caller is
 * interrupted while it waits, the job is cancelled (elements not started skip, a static worker stops
 * between chunks), the caller keeps waiting until the stream has ended, its interrupt flag is set
 * again and it gets a {@link CancellationException}; {@link #fraction} behaves alike.
 */
public final class StreamsStrategy extends AbstractForkJoinPoolStrategy {

    /** Opens the strategy: its pool of {@code config.threads()} workers. */
    StreamsStrategy(StrategyProvider provider, StrategyConfig config) {
        super(provider, config);
    }

    @Override
    protected void run(GridJob job) {
        switch (job.schedule().kind()) {
            case STATIC -> forEachInPool(job, job.plan().workers(), job::computeOwnedChunks);
            case SPLIT -> forEachInPool(job, job.plan().size(), job::compute);
            default -> throw new IllegalStateException("schedule " + job.schedule().spec()
                    + " should have been refused by the capabilities of strategy '" + name() + "'");
        }
    }

    /**
     * @throws CancellationException when the caller is interrupted while the stream counts; the stream
     *                               has ended and the interrupt flag is kept
     */
    @Override
    protected long countEqual(CountGrid grid, int maxval) {
        BlockCounts bands = blockCounts(grid, maxval);
        AtomicBoolean cancelled = new AtomicBoolean();
        Callable<Long> count = () -> IntStream.range(0, bands.size()).parallel()
                .mapToLong(band -> cancelled.get() ? 0L : bands.count(band))
                .sum();
        long sum;
        try {
            sum = Uninterruptibly.get(pool.submit(count), () -> cancelled.set(true));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException r ? r
                    : new IllegalStateException("the count of strategy '" + name() + "' failed", e.getCause());
        }
        if (cancelled.get()) {
            throw new CancellationException("interrupted while the stream of strategy '" + name() + "' counted");
        }
        return sum;
    }

    /**
     * Runs {@code work} for every id in {@code [0, count)} as a parallel stream inside the pool and
     * waits until the stream has ended. Each element skips its work once the job is stopped and records
     * its own failure in the job instead of throwing (see the class comment).
     */
    private void forEachInPool(GridJob job, int count, IntConsumer work) {
        IntConsumer element = id -> {
            if (job.stopped()) {
                return;
            }
            try {
                work.accept(id);
            } catch (Throwable t) {
                job.fail(t);
            }
        };
        Runnable stream = () -> IntStream.range(0, count).parallel().forEach(element);
        try {
            Uninterruptibly.get(pool.submit(stream), () -> job.cancel("the caller was interrupted while the stream ran"));
        } catch (ExecutionException e) {
            // Not an element's failure (each records its own): the stream machinery itself failed, and may
            // have completed its root while tasks still run. Stop them, then wait for the pool to go quiet.
            job.fail(e.getCause());
            awaitQuiescence();
        }
    }
}
