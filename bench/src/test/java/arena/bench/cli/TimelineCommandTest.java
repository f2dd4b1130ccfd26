package arena.bench.cli;

import arena.bench.report.OutputDirectory;
import arena.bench.report.TimelineTrace;
import arena.core.Execution;
import arena.core.Schedule;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.StrategyRegistry;
import arena.core.Timeline;
import arena.core.problem.JuliaParams;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

class TimelineCommandTest {

    /**
     * The chapter's set is centrally symmetric, so two contiguous blocks balance; at 3 threads the middle
     * block holds most of the work. Asserted on recorded iterations (deterministic), not on timings.
     */
    @Test
    void staticBlocksAreUnbalancedOnTheSeedCase_dynamicChunksAreNot() {
        JuliaParams chapter = JuliaParams.chapterCase();
        try (Strategy threads = StrategyRegistry.discover().find("threads").open(StrategyConfig.threads(3))) {
            Timeline blocks = new Timeline();
            threads.compute(chapter, new Execution(new Schedule.Static(0), arena.core.kernel.Kernels.reference(), blocks));
            Timeline.Summary staticSummary = blocks.summary(0, 1, 3);
            assertThat(staticSummary.workers()).extracting(Timeline.WorkerShare::iterations)
                    .containsExactlyInAnyOrder(28_287_045L, 184_746_871L, 27_855_184L);
            assertThat(staticSummary.iterationImbalance()).isGreaterThan(2.2);

            Timeline dynamic = new Timeline();
            threads.compute(chapter, new Execution(new Schedule.Dynamic(1), arena.core.kernel.Kernels.reference(), dynamic));
            Timeline.Summary dynamicSummary = dynamic.summary(0, 1, 3);
            assertThat(dynamicSummary.workers()).hasSize(3);
            assertThat(dynamicSummary.workers().stream().mapToLong(Timeline.WorkerShare::iterations).sum()).isEqualTo(240_889_100L);
            assertThat(dynamicSummary.iterationImbalance()).isLessThan(1.6).isLessThan(staticSummary.iterationImbalance() / 1.4);
        }
    }

    @Test
    void writesAGanttChartPerConfiguration_andASummary(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("timeline");
        CliRunner run = CliRunner.run("timeline", "--resolution", "150", "--strategies", "forkjoin,reactor", "--threads", "2",
                "--schedules", "static,dynamic:1", "--kernels", "scalar", "--warmup", "1", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("forkjoin/scalar/2t/static: wall").contains("imbalance").contains("idle").contains("join");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(OutputDirectory.MANIFEST, "summary.txt",
                    "timeline-forkjoin_scalar_2t_static.png", "timeline-forkjoin_scalar_2t_dynamic_1.png",
                    "timeline-reactor_scalar_2t_static.png", "timeline-reactor_scalar_2t_dynamic_1.png");
        }
        var image = ImageIO.read(out.resolve("timeline-reactor_scalar_2t_dynamic_1.png").toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
    }

    @Test
    void rerunIntoItsOwnSet_replacesIt_whileADirectoryWithAForeignFileIsRefusedBeforeRecording(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("timeline");
        String[] args = {"timeline", "--resolution", "30", "--strategies", "forkjoin", "--threads", "1", "--schedules", "static",
            "--kernels", "scalar", "--warmup", "0", "--out", out.toString()};
        assertThat(CliRunner.run(args).exitCode()).isZero();
        assertThat(ChildCli.names(out)).containsExactly(OutputDirectory.MANIFEST, "summary.txt", "timeline-forkjoin_scalar_1t_static.png");

        CliRunner again = CliRunner.run(args);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(ChildCli.names(dir)).containsExactly("timeline");

        Files.writeString(out.resolve("notes.txt"), "mine");
        CliRunner refused = CliRunner.run(args);
        assertThat(refused.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(refused.err().strip()).startsWith("arena timeline: --out: ").contains("holds notes.txt, which arena did not write");
        assertThat(refused.out()).isEmpty();
        assertThat(out.resolve("notes.txt")).hasContent("mine");
        assertThat(out.resolve("summary.txt")).isNotEmptyFile();
    }

    @Test
    void traceFormat_writesChromeTraceEvents_aProcessPerConfiguration_aTrackPerWorker_aSlicePerChunk(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("timeline");
        CliRunner run = CliRunner.run("timeline", "--resolution", "100", "--strategies", "threads,forkjoin", "--threads", "3",
                "--schedules", "static,dynamic:4", "--kernels", "scalar", "--warmup", "0", "--format", "trace", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ChildCli.names(out)).containsExactly(OutputDirectory.MANIFEST, "summary.txt", TimelineTrace.FILE);

        TraceFile trace = TraceFile.read(out.resolve(TimelineTrace.FILE), 101);
        assertThat(trace.processes().values()).containsExactlyInAnyOrder("threads/scalar/3t/static", "threads/scalar/3t/dynamic:4",
                "forkjoin/scalar/3t/static", "forkjoin/scalar/3t/dynamic:4");
        trace.assertEachProcessCoversEveryRowOnce(101, 3);
        assertThat(trace.tracksOf("threads/scalar/3t/static")).as("three blocks, one per thread of the pool").isEqualTo(3);
        assertThat(run.out()).contains("-> " + TimelineTrace.FILE);
    }

    @Test
    void anUnknownFormat_isRefusedWithTheKnownOnes() {
        CliRunner run = CliRunner.run("timeline", "--resolution", "30", "--strategies", "forkjoin", "--format", "svg");
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().strip()).isEqualTo("arena timeline: --format: format 'svg' is unknown; known formats: png, trace, both");
    }
}
