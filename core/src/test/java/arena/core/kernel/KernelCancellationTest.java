package arena.core.kernel;

import arena.core.concurrent.StopSignal;
import arena.core.problem.Complex;
import arena.core.problem.JuliaParams;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kernel notices a raised {@link StopSignal} inside one pixel: the centre of a 3 x 3 grid for
 * {@code c = 0} never escapes, so at {@code n_max = 2^31-1} it alone is seconds of work, and a kernel
 * that polled only per pixel or per row would hold on to it. Blocks between polls never change a count.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class KernelCancellationTest {

    /** The centre cell (0, 0) stays at z = 0 for c = 0: an interior pixel that takes every update up to n_max. */
    private static final JuliaParams ONE_ENDLESS_PIXEL = JuliaParams.of(2, new Complex(0, 0)).withNMax(Integer.MAX_VALUE);
    /** Warm kernels stop within a few milliseconds; a cold vector kernel (Vector API not yet compiled) within 0.4 s here. */
    private static final Duration PROMPT = Duration.ofSeconds(2);

    /**
     * Every kernel {@link Kernels} finds available, and the vector kernel again with the number of
     * vectors in flight this CPU does not get (so that both are checked on any CPU): a new kernel's
     * provider puts it here (and in the tests that use this list).
     */
    static Stream<Kernel> everyKernel() {
        Stream<Kernel> found = Kernels.providers().stream().filter(KernelProvider::available).map(KernelProvider::kernel);
        return Stream.concat(found, VectorSupport.available() ? Stream.of(VectorKernelWidthTest.theOtherWidth()) : Stream.empty());
    }

    @ParameterizedTest
    @MethodSource("everyKernel")
    void aKernelInsideAnEndlessPixel_returnsPromptlyOnceTheSignalIsRaised(Kernel kernel) throws Exception {
        AtomicBoolean raised = new AtomicBoolean();
        AtomicLong polls = new AtomicLong();
        StopSignal signal = () -> {
            polls.incrementAndGet();
            return raised.get();
        };
        int[] counts = new int[ONE_ENDLESS_PIXEL.cellCount()];
        CompletableFuture<Boolean> complete = CompletableFuture.supplyAsync(
                () -> kernel.computeRows(ONE_ENDLESS_PIXEL, counts, 0, ONE_ENDLESS_PIXEL.size(), signal));
        awaitPolls(polls);
        long raisedAt = System.nanoTime();
        raised.set(true);
        boolean finished = complete.get(30, TimeUnit.SECONDS);
        Duration latency = Duration.ofNanos(System.nanoTime() - raisedAt);
        System.out.printf("%s: stopped %.3f ms after the signal was raised, inside a pixel at n_max 2^31-1%n",
                kernel.name(), latency.toNanos() / 1e6);
        assertThat(finished).as("the band is reported incomplete").isFalse();
        assertThat(latency).isLessThan(PROMPT);
    }

    @ParameterizedTest
    @MethodSource("everyKernel")
    void aKernelThatIsNeverStopped_pollsAtLeastOncePer2To16UpdatesOfAPixel(Kernel kernel) {
        // the centre alone needs 5 * 2^16 updates; every other cell escapes at once
        JuliaParams params = ONE_ENDLESS_PIXEL.withNMax(5 * StopSignal.POLL_UPDATES);
        AtomicLong polls = new AtomicLong();
        int[] counts = new int[params.cellCount()];
        boolean complete = kernel.computeRows(params, counts, 0, params.size(), () -> polls.incrementAndGet() < 0);
        assertThat(complete).isTrue();
        assertThat(counts[4]).isEqualTo(params.nMax());
        assertThat(polls.get()).as("polls of %s", kernel.name()).isGreaterThanOrEqualTo(4);
    }

    /**
     * Long pixels in random problems whose n_max is a few times the polling period, where block and
     * poll boundaries fall inside pixels, in the pixels left in flight at a band's end, and across
     * pixels: the counts are cell for cell those of {@link ScalarKernel#escape}, run without a poll.
     */
    @ParameterizedTest
    @MethodSource("everyKernel")
    void countsAcrossPollBoundaries_matchTheUnblockedEscapeLoop(Kernel kernel) {
        Random random = new Random(FastKernelsTest.seed(kernel.name() + " across poll boundaries"));
        for (int k = 0; k < 6; k++) {
            JuliaParams params = new JuliaParams(1 + random.nextInt(12), random.nextDouble(-0.6, 0.3), random.nextDouble(-0.6, 0.6),
                    1.5, 2.0, StopSignal.POLL_UPDATES + random.nextInt(2 * StopSignal.POLL_UPDATES));
            int[] counts = new int[params.cellCount()];
            int row = random.nextInt(params.size());
            assertThat(kernel.computeRows(params, counts, 0, row, StopSignal.NEVER)).isTrue();
            assertThat(kernel.computeRows(params, counts, row, params.size(), StopSignal.NEVER)).isTrue();
            assertThat(counts).as("%s on %s", kernel.name(), params).isEqualTo(unblocked(params));
        }
    }

    @ParameterizedTest
    @MethodSource("everyKernel")
    void pointsThatEscapeAtNMax2To31Minus1_countAsTheScalarLoop(Kernel kernel) {
        // |c| > 2: every orbit escapes within a few updates, so the grid is quick even at the largest n_max
        JuliaParams params = new JuliaParams(40, 1.5, 1.6, 1.5, 4.0, Integer.MAX_VALUE);
        int[] counts = new int[params.cellCount()];
        assertThat(kernel.computeRows(params, counts, 0, params.size(), StopSignal.NEVER)).isTrue();
        assertThat(counts).isEqualTo(unblocked(params));
    }

    private static int[] unblocked(JuliaParams params) {
        int n = params.size();
        int[] counts = new int[params.cellCount()];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                counts[i * n + j] = ScalarKernel.escape(-params.bound() + i * params.step(), -params.bound() + j * params.step(),
                        params.cRe(), params.cIm(), params.zMax2(), params.nMax());
            }
        }
        return counts;
    }

    /** Waits until the kernel has polled a few times: it is inside the endless pixel by then. */
    private static void awaitPolls(AtomicLong polls) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (polls.get() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(polls.get()).as("polls before the signal is raised").isGreaterThanOrEqualTo(3);
    }
}
