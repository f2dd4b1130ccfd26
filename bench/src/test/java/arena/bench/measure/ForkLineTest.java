package arena.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForkLineTest {

    @Test
    void aLineWithSampleContexts_comesBackFromItsJsonUnchanged_stolenTimeIncluded() throws Exception {
        List<SampleContext> contexts = List.of(new SampleContext(1, 4, 7, 30, true, 1_795_000_000_123L), new SampleContext(0, 0, 0, 0, true, 0),
                new SampleContext(0, 0, 2));
        ForkLine line = new ForkLine(1, "forkjoin/scalar/2t/static", "ab".repeat(32), 0.25, null, true, List.of(10.5, 11.0, 10.75),
                contexts, new WarmUp(4, true), null);

        ForkLine back = ForkedRun.parse(ForkedRun.json(line));

        assertThat(back).isEqualTo(line);
        assertThat(back.contexts()).extracting(SampleContext::stolenMs).containsExactly(30L, 0L, 0L);
        assertThat(back.contexts()).extracting(SampleContext::stealRecorded).containsExactly(true, true, false);
        assertThat(back.contexts()).extracting(SampleContext::startedAtMs).containsExactly(1_795_000_000_123L, 0L, 0L);
    }
}
