package arena.bench.cli;


import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** How {@code arena jmh} completes the user's JMH arguments. */
class JmhArgumentsTest {

    private static final List<String> STRATEGIES = List.of("forkjoin", "threads");
    private static final List<String> FLAGS = List.of("--add-modules=jdk.incubator.vector");

    @Test
    void failOnError_isAdded_unlessTheUserSetsIt() {
        assertThat(JmhArguments.of(List.of("ComputeBenchmark"), STRATEGIES, FLAGS, 2).arguments()).containsSequence("-foe", "true");
        List<String> explicit = JmhArguments.of(List.of("-foe", "false", "ComputeBenchmark"), STRATEGIES, FLAGS, 2).arguments();
        assertThat(explicit).containsSequence("-foe", "false").doesNotContainSequence("-foe", "true");
    }

    @Test
    void strategiesAndJvmFlags_areAdded_unlessGiven() {
        assertThat(JmhArguments.of(List.of("ComputeBenchmark"), STRATEGIES, FLAGS, 2).arguments())
                .containsSequence("-p", "strategy=forkjoin,threads").containsSequence("-jvmArgsAppend", "--add-modules=jdk.incubator.vector");
        List<String> given = JmhArguments.of(List.of("-p", "strategy=akka", "-jvmArgs", "-Xmx1g"), STRATEGIES, FLAGS, 2).arguments();
        assertThat(given).doesNotContain("strategy=forkjoin,threads", "-jvmArgsAppend");
    }

    @Test
    void bareRun_isTheCuratedSubset_atTheMachinesCores_withJsonResults() {
        JmhArguments bare = JmhArguments.of(List.of(), STRATEGIES, FLAGS, 16);
        assertThat(bare.arguments()).startsWith("ComputeBenchmark", "FractionBenchmark", "KernelBenchmark")
                .containsSequence("-rf", "json", "-rff", "jmh-result.json").containsSequence("-p", "threads=16");
        assertThat(bare.parameter("rows")).contains(List.of("32"));
    }

    @Test
    void asyncProfiler_getsTheLibraryPath_onlyWhereItHasNone() {
        Path library = Path.of("/tmp/x/libasyncProfiler.so");
        assertThat(JmhArguments.of(List.of("-prof", "async"), STRATEGIES, FLAGS, 2).withAsyncProfilerLibrary(library).arguments())
                .containsSequence("-prof", "async:libPath=/tmp/x/libasyncProfiler.so");
        assertThat(JmhArguments.of(List.of("-prof", "async:event=itimer"), STRATEGIES, FLAGS, 2).withAsyncProfilerLibrary(library).arguments())
                .containsSequence("-prof", "async:event=itimer;libPath=/tmp/x/libasyncProfiler.so");
        JmhArguments own = JmhArguments.of(List.of("-prof", "async:libPath=/opt/ap.so", "-prof", "gc"), STRATEGIES, FLAGS, 2);
        assertThat(own.needsAsyncProfilerLibrary()).isFalse();
        assertThat(JmhArguments.of(List.of("-prof", "gc"), STRATEGIES, FLAGS, 2).needsAsyncProfilerLibrary()).isFalse();
    }

    @Test
    void parameterValues_lastOptionCounts() {
        JmhArguments arguments = JmhArguments.of(List.of("-p", "threads=1", "-p", "threads=2,4"), STRATEGIES, FLAGS, 2);
        assertThat(arguments.parameter("threads")).contains(List.of("2", "4"));
        assertThat(arguments.parameter("kernel")).isEmpty();
    }

    @Test
    void sidecar_sitsBesideTheResults() {
        assertThat(JmhCommand.sidecarOf(Path.of("/r/jmh.json"))).isEqualTo(Path.of("/r/jmh.env.json"));
        assertThat(JmhCommand.sidecarOf(Path.of("results"))).isEqualTo(Path.of("results.env.json"));
    }
}
