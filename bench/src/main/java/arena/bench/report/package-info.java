/**
 * The report layer: what a run's outcome looks like to people and programs, and how it reaches a
 * file.
 *
 * <ul>
 * <li>The model: {@link arena.bench.report.ReportDocument}, a sealed interface over the outcome of
 * {@code compare} ({@link arena.bench.report.Report}), {@code compute}
 * ({@link arena.bench.report.ComputeReport}) and {@code verify} ({@link arena.bench.report.VerifyReport});
 * results.json is the record tree {@link arena.bench.report.ResultsDocument}, written and read back
 * ({@link arena.bench.report.ResultsFile}) through the one Jackson setup {@link arena.bench.report.ReportJson}.</li>
 * <li>The formats: {@link arena.bench.report.ReportFormat}, an enum whose constants (text, csv, json,
 * markdown, charts) each write a whole document; {@link arena.bench.report.ReportFiles} writes the
 * {@code compare --out} set, one file or two per format. A new format is a new constant there.</li>
 * <li>The diff of two results.json files: {@link arena.bench.report.Diff} and its formats
 * {@link arena.bench.report.DiffFormat}.</li>
 * <li>Safe output: {@link arena.bench.report.OutputFile} and {@link arena.bench.report.OutputDirectory}
 * ({@link arena.bench.report.OutputTarget}) replace a target only with complete content, and
 * {@link arena.bench.report.OutputFailedException} says what became of the previous one.</li>
 * </ul>
 * Subpackages: {@code chart} (PNG charts) and {@code render} (the picture of a grid).
 *
 * <p>May import: {@code arena.bench.measure}, {@code arena.core} and its subpackages, its own
 * subpackages, libraries (Jackson, picocli's converter types, XChart) and the JDK. Must not import:
 * {@code arena.bench.cli} (the command line maps this layer's exceptions to exit codes, not the other
 * way round), {@code arena.bench.jmh}, any strategy.
 */
package arena.bench.report;
