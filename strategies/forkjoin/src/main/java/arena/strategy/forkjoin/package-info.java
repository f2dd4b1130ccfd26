/**
 * The ForkJoin model: {@code ForkJoinProvider} registers the strategy; {@code ForkJoinStrategy}
 * runs a job's tasks in a private {@link java.util.concurrent.ForkJoinPool}: a team of worker
 * tasks ({@code WorkerTeam}) or ForkJoin's own recursive split ({@code SplitBand}), both {@code
 * JobAction}s that never complete abnormally, and the fraction as a {@code CountEqualTask}.
 *
 * <p>Imports: {@code arena.core} and its subpackages (the SPI, the job, the shared concurrency
 * idioms of {@code arena.core.concurrent}) and the JDK; never another strategy's package, nor
 * {@code arena.bench}.
 */
package arena.strategy.forkjoin;
