package arena.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ScratchTest {

    private final AtomicInteger made = new AtomicInteger();
    private final Scratch<Object> scratch = new Scratch<>(() -> {
        made.incrementAndGet();
        return new Object();
    });

    @Test
    void aThread_getsBackWhatItGave() {
        Object first = scratch.take();
        scratch.give(first);
        assertThat(scratch.take()).isSameAs(first);
        assertThat(made).hasValue(1);
    }

    @Test
    void threadsOneAfterAnother_platformOrVirtual_reuseOneSpare() throws Exception {
        for (int k = 0; k < 200; k++) {
            Thread.Builder builder = k % 2 == 0 ? Thread.ofVirtual() : Thread.ofPlatform();
            builder.start(() -> scratch.give(scratch.take())).join();
        }
        assertThat(made).hasValue(1);
    }

    @Test
    void virtualThreadsAtOnce_eachHoldTheirOwn() throws Exception {
        int threads = 6;
        Set<Object> held = ConcurrentHashMap.newKeySet();
        CountDownLatch allHolding = new CountDownLatch(threads);
        List<Thread> started = new ArrayList<>();
        for (int k = 0; k < threads; k++) {
            started.add(Thread.ofVirtual().start(() -> {
                Object mine = scratch.take();
                held.add(mine);
                allHolding.countDown();
                try {
                    allHolding.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                scratch.give(mine);
            }));
        }
        for (Thread t : started) {
            t.join();
        }
        assertThat(held).hasSize(threads);
        assertThat(made).hasValue(threads);
    }
}
