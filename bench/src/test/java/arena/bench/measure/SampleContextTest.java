package arena.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SampleContextTest {

    private static volatile Object sink;

    @Test
    void aSampleDuringWhichTheHeapIsCollected_sawACollection() {
        SampleContext.Reading before = SampleContext.begin();
        for (int i = 0; i < 1_000; i++) {
            sink = new byte[64 * 1024];
        }
        System.gc();
        SampleContext context = before.end();

        assertThat(context.sawCollection()).isTrue();
        assertThat(context.collections()).isPositive();
        assertThat(context.collectionMs()).isNotNegative();
    }

    @Test
    void aSample_recordsWhenItBegan_onTheWallClock() {
        long earliest = System.currentTimeMillis();
        SampleContext.Reading before = SampleContext.begin();
        long latest = System.currentTimeMillis();
        SampleContext context = before.end();

        assertThat(context.startedAtMs()).isBetween(earliest, latest);
    }

    @Test
    void aSampleThatAllocatesNothing_sawNoCollection_andNoCounterGoesBackwards() {
        SampleContext.Reading before = SampleContext.begin();
        long sum = 0;
        for (int i = 0; i < 1_000; i++) {
            sum += i;
        }
        SampleContext context = before.end();

        assertThat(sum).isEqualTo(499_500);
        // the JIT may compile in the background at any time, so only the collections are asserted exactly
        assertThat(context.collections()).isZero();
        assertThat(context.compilationMs()).isNotNegative();
    }

    @Test
    void onLinux_everySampleRecordsTheCpuTimeStolenFromIt_neverNegative() {
        org.assertj.core.api.Assumptions.assumeThat(java.nio.file.Path.of("/proc/stat")).as("Linux").exists();
        SampleContext.Reading before = SampleContext.begin();
        SampleContext context = before.end();

        assertThat(context.stealRecorded()).isTrue();
        assertThat(context.stolenMs()).isNotNegative();
        assertThat(context.sawSteal()).isEqualTo(context.stolenMs() > 0);
    }

    @Test
    void aContextBuiltWithoutStolenTime_saysItWasNotRecorded() {
        SampleContext context = new SampleContext(1, 2, 3);

        assertThat(context.stealRecorded()).isFalse();
        assertThat(context.sawSteal()).isFalse();
        assertThat(new SampleContext(0, 0, 0, 20, true, 0).sawSteal()).isTrue();
    }
}
