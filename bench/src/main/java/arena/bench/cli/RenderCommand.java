package arena.bench.cli;

import arena.bench.measure.MemoryCheck;
import arena.bench.report.OutputFile;
import arena.bench.report.render.JuliaPicture;
import arena.core.CountGrid;
import arena.core.Execution;
import arena.core.Schedule;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.StrategyProvider;
import arena.core.StrategyRegistry;
import arena.core.problem.JuliaParams;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code arena render}: writes the Julia set as a PNG the way the chapter shows it
 * ({@code imshow(log(counts))}): one pixel per cell, row index = real axis from the top, log-scaled
 * counts through the viridis colormap. Runs on the main thread.
 */
@Command(name = "render", description = "Writes the Julia set as a PNG: log(counts) through viridis, one pixel per cell.")
public final class RenderCommand extends RegistryCommand {

    RenderCommand(StrategyRegistry registry) {
        super(registry);
    }

    @Mixin
    ProblemOptions problem;

    @Option(names = "--strategy", paramLabel = "NAME", defaultValue = "forkjoin", description = "the strategy that computes the grid (default: ${DEFAULT-VALUE})")
    String strategy;

    @Option(names = "--kernel", paramLabel = "K", defaultValue = "auto", description = "the kernel: scalar, interleaved, vector or auto, the fastest available (default: ${DEFAULT-VALUE})")
    String kernel;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "julia.png", description = "the PNG to write, replaced only once the new one is complete (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() {
        JuliaParams params = problem.toParams();
        MemoryCheck.requireRoom(params, 2);
        StrategyProvider provider = registry.find(strategy);
        OutputFile png = OutputFile.check("out", out);
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), provider.capabilities().maxThreads());
        Schedule schedule = provider.capabilities().supports(new Schedule.Dynamic(1)) ? new Schedule.Dynamic(1) : new Schedule.Static(1);
        CountGrid grid;
        try (Strategy opened = provider.open(StrategyConfig.threads(threads))) {
            grid = opened.compute(params, new Execution(schedule, provider.kernel(kernel)));
        }
        png.write(file -> JuliaPicture.writePng(grid, file));
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("wrote %s: %dx%d pixels, %s%n", png.path(), grid.size(), grid.size(), params);
        stdout.flush();
        return ExitCode.OK;
    }
}
