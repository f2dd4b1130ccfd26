package arena.bench.cli;

import arena.bench.measure.Configuration;
import arena.bench.measure.MemoryCheck;
import arena.bench.measure.OpenStrategies;
import arena.bench.measure.Reference;
import arena.bench.measure.Verification;
import arena.bench.report.ReportFormat;
import arena.bench.report.VerifyReport;
import arena.core.GoldenCase;
import arena.core.GoldenCsv;
import arena.core.StrategyRegistry;
import arena.core.input.InvalidInputException;
import arena.core.problem.JuliaParams;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code arena verify}: the regression check. Runs every selected configuration on the problem (or
 * on every case of a golden CSV) and checks each grid and fraction against the {@code sequential}
 * reference, and against the golden SHA-256 when the problem is a golden case. Exits 0 when all are
 * identical, 1 otherwise, printing the first differing cell of each difference. Runs on the main
 * thread; strategies are opened one at a time and closed before the command returns.
 */
@Command(name = "verify", description = "Checks every selected strategy x kernel x threads x schedule against the sequential reference, bit for bit.")
public final class VerifyCommand extends StrategyRunCommand {

    VerifyCommand(StrategyRegistry registry) {
        super(registry);
    }

    @Mixin
    SelectionOptions selection;

    @Option(names = "--golden", paramLabel = "FILE", description = "verify every case of this golden CSV instead of one problem")
    Path golden;

    @Option(names = "--format", paramLabel = "F", converter = ReportFormat.Converter.class, defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    ReportFormat format;

    @Override
    Integer run() {
        if (golden != null && !ProblemOptions.givenIn(spec).isEmpty()) {
            throw new InvalidInputException("golden", "--golden takes its problems from the file; drop "
                    + String.join(", ", ProblemOptions.givenIn(spec)) + " or --golden");
        }
        SelectionOptions.Expansion expansion = selection.expand(registry);
        strategyOptions.requireUsedBy(expansion.providers(), registry);
        List<Reference> references = new ArrayList<>();
        if (golden != null) {
            List<GoldenCase> cases = readGolden(golden);
            cases.forEach(c -> requireRoom(c, golden));
            for (GoldenCase c : cases) {
                references.add(Reference.of(c.params(), Optional.of(c)));
            }
        } else {
            JuliaParams params = problem.toParams();
            MemoryCheck.requireRoom(params, 2);
            references.add(Reference.of(params));
        }

        List<VerifyReport.Case> cases = new ArrayList<>();
        for (Reference reference : references) {
            List<Verification> runs = new ArrayList<>();
            try (OpenStrategies open = new OpenStrategies(strategyOptions.toMap())) {
                for (Configuration configuration : expansion.configurations()) {
                    runs.add(Verification.run(open.get(configuration), configuration, reference));
                }
            }
            cases.add(VerifyReport.Case.of(reference, runs));
        }
        VerifyReport report = new VerifyReport(cases, golden != null, expansion.skipped());

        PrintWriter out = spec.commandLine().getOut();
        out.print(format.render(report));
        out.flush();
        return report.allIdentical() ? ExitCode.OK : ExitCode.RESULT_DIFFERS;
    }

    /** The heap check every problem passes, here for each golden case before any case is computed. */
    private static void requireRoom(GoldenCase goldenCase, Path file) {
        try {
            MemoryCheck.requireRoom(goldenCase.params(), 2);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("golden", "golden file " + file + ", case " + goldenCase.params() + ": " + e.getMessage());
        }
    }

    private static List<GoldenCase> readGolden(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InvalidInputException("golden", "golden file " + file + " is not a readable file");
        }
        try (Reader reader = Files.newBufferedReader(file)) {
            return GoldenCsv.parse(reader, file.toString());
        } catch (IOException e) {
            throw new InvalidInputException("golden", "golden file " + file + " cannot be read: " + e.getMessage());
        }
    }
}
