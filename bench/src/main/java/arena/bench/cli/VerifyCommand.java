package arena.bench.cli;

import arena.bench.measure.Configuration;
import arena.bench.measure.MemoryCheck;
import arena.bench.measure.OpenStrategies;
import arena.bench.measure.Reference;
import arena.bench.measure.Verification;
import arena.bench.report.Json;
import arena.bench.report.OutputFormat;
import arena.bench.report.ProblemFields;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    @Option(names = "--format", paramLabel = "F", converter = OutputFormat.Converter.class, defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

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

        List<List<Verification>> results = new ArrayList<>();
        for (Reference reference : references) {
            List<Verification> runs = new ArrayList<>();
            try (OpenStrategies open = new OpenStrategies(strategyOptions.toMap())) {
                for (Configuration configuration : expansion.configurations()) {
                    runs.add(Verification.run(open.get(configuration), configuration, reference));
                }
            }
            results.add(runs);
        }
        boolean allIdentical = results.stream().flatMap(List::stream).allMatch(Verification::identical);

        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            List<Map<String, Object>> cases = new ArrayList<>();
            for (int i = 0; i < references.size(); i++) {
                cases.add(json(references.get(i), results.get(i)));
            }
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("cases", cases);
            all.put("all_identical", allIdentical);
            out.println(Json.write(golden == null ? cases.get(0) : all));
        } else {
            for (int i = 0; i < references.size(); i++) {
                printTable(out, references.get(i), results.get(i));
            }
            expansion.skipped().forEach(note -> out.println("skipped: " + note));
            out.println(allIdentical ? "all identical" : "DIFFERENCES FOUND");
        }
        out.flush();
        return allIdentical ? ExitCode.OK : ExitCode.RESULT_DIFFERS;
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

    private static void printTable(PrintWriter out, Reference reference, List<Verification> runs) {
        out.printf(Locale.ROOT, "problem: %s%n", reference.params());
        out.printf(Locale.ROOT, "reference (sequential): sha256 %s, fraction %s%s%n", reference.summary().sha256(),
                reference.summary().fraction(),
                reference.golden().isEmpty() ? "" : reference.matchesGolden() ? ", matches the golden case" : ", DIFFERS from the golden case");
        String format = "%-13s %-12s %7s  %-11s %-14s %-22s %s%n";
        out.printf(Locale.ROOT, format, "strategy", "kernel", "threads", "schedule", "sha256", "fraction", "identical");
        for (Verification run : runs) {
            Configuration c = run.configuration();
            out.printf(Locale.ROOT, format, c.strategy(), c.kernel().name(), c.threads(), c.schedule().spec(),
                    run.sha256().substring(0, 12), run.fraction(), run.identical() ? "yes" : "NO");
            if (!run.identical()) {
                out.printf(Locale.ROOT, "    %s%n", run.problemDescription());
            }
        }
        out.println();
    }

    private static Map<String, Object> json(Reference reference, List<Verification> runs) {
        Map<String, Object> referenceFields = new LinkedHashMap<>();
        referenceFields.put("sha256", reference.summary().sha256());
        referenceFields.put("sum", reference.summary().sum());
        referenceFields.put("count_at_nmax", reference.summary().countAtNMax());
        referenceFields.put("fraction", reference.summary().fraction());
        referenceFields.put("golden", reference.golden().isEmpty() ? null : reference.matchesGolden());
        List<Map<String, Object>> runFields = new ArrayList<>();
        for (Verification run : runs) {
            Configuration c = run.configuration();
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("strategy", c.strategy());
            fields.put("kernel", c.kernel().name());
            fields.put("threads", c.threads());
            fields.put("schedule", c.schedule().spec());
            fields.put("sha256", run.sha256());
            fields.put("fraction", run.fraction());
            fields.put("identical", run.identical());
            run.difference().ifPresent(d -> {
                Map<String, Object> first = new LinkedHashMap<>();
                first.put("row", d.row());
                first.put("column", d.column());
                first.put("expected", d.expected());
                first.put("actual", d.actual());
                first.put("differing_cells", d.differingCells());
                fields.put("first_difference", first);
            });
            runFields.add(fields);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("problem", ProblemFields.of(reference.params()));
        json.put("reference", referenceFields);
        json.put("runs", runFields);
        json.put("all_identical", runs.stream().allMatch(Verification::identical));
        return json;
    }
}
