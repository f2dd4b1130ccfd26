package arena.core.testkit;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A test hook for the dynamic hand-out: records like {@link ThreadRecordingKernel}, but holds row 0
 * until every other row has been computed (or five seconds have passed). A worker that had
 * pre-claimed any further row would keep that row waiting behind row 0, so
 * {@link #othersDoneInTime()} tells whether a free worker took every next chunk. Thread-safe; one
 * run per instance.
 */
public final class FirstRowWaitsForTheOthersKernel extends ThreadRecordingKernel {

    private final CountDownLatch others;
    private volatile boolean othersDoneInTime;

    /** A kernel for a grid of {@code rows} rows. */
    public FirstRowWaitsForTheOthersKernel(int rows) {
        others = new CountDownLatch(rows - 1);
    }

    @Override
    protected void beforeBand(int rowStart, int rowEnd) {
        if (rowStart == 0) {
            othersDoneInTime = Waits.awaitUninterruptibly(others, Duration.ofSeconds(5));
        }
    }

    @Override
    protected void afterBand(int rowStart, int rowEnd) {
        for (int row = Math.max(1, rowStart); row < rowEnd; row++) {
            others.countDown();
        }
    }

    /** Whether every other row was computed while row 0 was held. */
    public boolean othersDoneInTime() {
        return othersDoneInTime;
    }
}
