package arena.bench.report;

/**
 * What a command hands to a {@link ReportFormat}: the outcome of {@code compare} ({@link Report}),
 * {@code compute} ({@link ComputeReport}) or {@code verify} ({@link VerifyReport}). Each is a record
 * whose JSON form is its Jackson serialisation through {@link ReportJson}. Implementations are
 * immutable.
 */
public sealed interface ReportDocument permits Report, ComputeReport, VerifyReport {
}
