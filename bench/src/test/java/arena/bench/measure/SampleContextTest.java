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
}
