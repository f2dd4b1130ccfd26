/**
 * Java's parallel streams: {@code StreamsProvider} registers the strategy; {@code StreamsStrategy}
 * runs a parallel {@link java.util.stream.IntStream} over worker or chunk ids inside a private
 * {@link java.util.concurrent.ForkJoinPool}.
 *
 * <p>Imports: {@code arena.core} and its subpackages (the SPI, the job, the shared concurrency
 * idioms of {@code arena.core.concurrent}) and the JDK; never another strategy's package, nor
 * {@code arena.bench}.
 */
package arena.strategy.streams;
