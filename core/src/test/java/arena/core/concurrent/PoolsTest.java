package arena.core.concurrent;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The strategies' private ForkJoinPool: its size and names, and a close that really ends its threads. */
class PoolsTest {

    @Test
    void forkJoin_hasExactlyTheThreadsAsked_namedInOrder_andShutdownEndsThem() throws Exception {
        ForkJoinPool pool = Pools.forkJoin("arena-test-pool-", 3);
        Set<String> names = ConcurrentHashMap.newKeySet();
        CountDownLatch allThree = new CountDownLatch(3);
        try {
            assertThat(pool.getParallelism()).isEqualTo(3);
            pool.submit(() -> IntStream.range(0, 3).parallel().forEach(i -> {
                names.add(Thread.currentThread().getName());
                allThree.countDown();
                Latches.await(allThree);
            })).get();
        } finally {
            Pools.shutdownAndAwait(pool, "test");
        }

        assertThat(names).containsExactlyInAnyOrder("arena-test-pool-1", "arena-test-pool-2", "arena-test-pool-3");
        assertThat(pool.isTerminated()).isTrue();
        Pools.shutdownAndAwait(pool, "test");
    }
}
