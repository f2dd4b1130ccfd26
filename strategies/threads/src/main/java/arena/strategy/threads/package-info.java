/**
 * Raw platform threads: {@code ThreadsProvider} registers the strategy; {@code ThreadsStrategy}
 * starts and joins its own threads on every call ({@code PlatformWorkers}), nothing pooled.
 *
 * <p>Imports: {@code arena.core} and its subpackages (the SPI, the job, the shared concurrency
 * idioms of {@code arena.core.concurrent}) and the JDK; never another strategy's package, nor
 * {@code arena.bench}.
 */
package arena.strategy.threads;
