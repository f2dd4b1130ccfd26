package arena.bench.report;

import arena.bench.measure.Configuration;
import arena.bench.measure.Environment;
import arena.bench.measure.Measurement;
import arena.bench.measure.Reference;
import arena.bench.measure.Verification;
import arena.bench.report.ResultsDocument.Result;
import arena.core.GridDifference;
import arena.core.Schedule;
import arena.core.StrategyRegistry;
import arena.core.kernel.Kernels;
import arena.core.problem.JuliaParams;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.TypeConversionException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportFormatTest {

    private static final Reference REFERENCE = Reference.of(new JuliaParams(20, 0.322, 0.05, 1.5, 4.0, 100));

    @TempDir
    Path dir;

    /** A real configuration on {@link #REFERENCE}, identical to it, or wrong in one cell. */
    private static Verification verification(String strategy, int threads, boolean identical) {
        var configuration = new Configuration(StrategyRegistry.discover().find(strategy), Kernels.reference(), threads, new Schedule.Static(0));
        var summary = REFERENCE.summary();
        return new Verification(configuration, REFERENCE, identical ? summary.sha256() : "0".repeat(64), summary.fraction(),
                identical ? Optional.empty() : Optional.of(new GridDifference(1, 2, 3, 4, 1)), true);
    }

    /** The baseline was not measured (NaN), so the threaded row has no speed-up; one more row is wrong and untimed. */
    private static Report reportWithoutBaseline() {
        List<Measurement> measurements = new ArrayList<>();
        measurements.add(new Measurement(verification("sequential", 2, true), List.of(2.0, 2.5, 3.0), Double.NaN));
        measurements.add(new Measurement(verification("sequential", 1, false), List.of(), Double.NaN));
        return new Report(Environment.current(), measurements, List.of("threads: not selected"));
    }

    @Test
    void missingSpeedup_isWrittenAsJsonNull_readBackAsAbsent_andLeftOutOfTheChart() throws Exception {
        Report report = reportWithoutBaseline();
        JsonNode printed = ReportJson.MAPPER.readTree(ReportFormat.json.render(report));
        assertThat(printed.get("results").get(0).get("speedup").isNull()).isTrue();
        assertThat(printed.get("results").get(0).get("efficiency").isNull()).isTrue();
        assertThat(printed.get("results").get(0).get("median_ms").asDouble()).isEqualTo(2.5);

        Path out = dir.resolve("set");
        ReportFiles.write(report, OutputDirectory.check("out", out), warning -> { throw new AssertionError(warning); });
        assertThat(out.resolve(ReportFiles.TIMES_CHART)).isRegularFile();
        assertThat(out.resolve(ReportFiles.SPEEDUP_CHART)).as("no speed-up, no chart").doesNotExist();
        Result read = ResultsFile.read(out.resolve("results.json"), "baseline").results().get(0);
        assertThat(read.speedup()).isNull();
        assertThat(read.efficiency()).isNull();
        assertThat(read.medianMs()).isEqualTo(2.5);
    }

    @Test
    void chartsThatCannotBeDrawn_areLeftOut_withOneWarning_andTheTablesAreWritten() throws Exception {
        Report report = reportWithoutBaseline();
        Path out = dir.resolve("no-fonts");
        List<String> warnings = new ArrayList<>();
        List<String> written = ReportFiles.write(report, OutputDirectory.check("out", out), warnings::add, (r, directory) -> {
            Files.writeString(directory.resolve(ReportFiles.TIMES_CHART), "half a chart");
            throw new RuntimeException("Fontconfig head is null, check your fonts or fonts configuration"); // what AWT says on a machine without fonts
        });
        assertThat(written).containsExactly("results.csv", "results.json", "report.md");
        assertThat(out.resolve(ReportFiles.TIMES_CHART)).as("no half-written chart").doesNotExist();
        assertThat(warnings).singleElement().asString().startsWith("charts not drawn (java.lang.RuntimeException: Fontconfig head is null")
                .contains("the other files were written");
        assertThat(ResultsFile.read(out.resolve("results.json"), "baseline").results()).hasSize(2);
    }

    @Test
    void resultsJson_isReadBackIntoTheRecordsItWasWrittenFrom() throws Exception {
        Report report = new Report(Environment.current(), List.of(
                new Measurement(verification("sequential", 1, true), List.of(1.25, 1.5), Double.NaN)), List.of());
        Path file = Files.writeString(dir.resolve("results.json"), ReportFormat.json.render(report));

        assertThat(ResultsFile.read(file, "current").document()).isEqualTo(report.document());
    }

    @Test
    void csv_printsADashForAMissingSpeedup_andLeavesAnUntimedRowEmpty() {
        List<String> lines = ReportFormat.csv.render(reportWithoutBaseline()).lines().toList();
        List<String> header = Arrays.asList(lines.get(0).split(","));

        assertThat(header).startsWith("resolution", "c_re", "c_im", "bound", "z_max", "n_max", "strategy").endsWith("sha256", "identical", "samples_ms");
        Map<String, String> timed = row(header, lines.get(1));
        Map<String, String> wrong = row(header, lines.get(2));
        assertThat(timed).containsEntry("speedup", "-").containsEntry("efficiency", "-").containsEntry("median_ms", "2.5")
                .containsEntry("imbalance", "").containsEntry("samples_ms", "2.0;2.5;3.0").containsEntry("identical", "true");
        assertThat(wrong).containsEntry("speedup", "").containsEntry("median_ms", "").containsEntry("identical", "false");
    }

    @Test
    void textAndMarkdown_keepNaNForAMissingSpeedup() {
        Report report = reportWithoutBaseline();

        assertThat(ReportFormat.text.render(report)).contains("NaN").contains("skipped: threads: not selected")
                .contains("DIFFERENCES FOUND: the rows marked NO were not timed");
        assertThat(ReportFormat.markdown.render(report)).contains("| NaN | NaN% |").contains("| 0 | | | | | | | | | NO: ")
                .contains("(" + ReportFiles.TIMES_CHART + ")");
    }

    @Test
    void theOutputSet_isEveryFileOfEveryFormat_inFormatOrder() {
        assertThat(ReportFiles.NAMES).containsExactly("results.csv", "results.json", "report.md", "median-times.png", "speedup.png", "which-model.png",
                "timeline.trace.json");
        assertThat(ReportFormat.text.files()).isEmpty();
    }

    @Test
    void formatOption_acceptsTextAndJsonOnly_caseIgnored() {
        var converter = new ReportFormat.Converter();

        assertThat(ReportFormat.printable()).containsExactly(ReportFormat.text, ReportFormat.json);
        assertThat(converter.convert("JSON")).isEqualTo(ReportFormat.json);
        assertThatThrownBy(() -> converter.convert("csv")).isInstanceOf(TypeConversionException.class)
                .hasMessage("format 'csv' is unknown; known formats: text, json");
        assertThatThrownBy(() -> ReportFormat.csv.render(new VerifyReport(List.of(VerifyReport.Case.of(REFERENCE, List.of())), false, List.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void json_isOneLineWithBlanksAfterColonsAndCommas_andANonFiniteNumberIsNull() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", "a \"quoted\"\nline");
        value.put("values", Arrays.asList(1, 2.5, Double.NaN, null, true));

        assertThat(ReportJson.write(value)).isEqualTo("{\"name\": \"a \\\"quoted\\\"\\nline\", \"values\": [1, 2.5, null, null, true]}");
    }

    private static Map<String, String> row(List<String> header, String line) {
        String[] cells = line.split(",", -1);
        assertThat(cells).hasSameSizeAs(header);
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < cells.length; i++) {
            row.put(header.get(i), cells[i]);
        }
        return row;
    }
}
