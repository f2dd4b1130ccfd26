/**
 * Virtual threads: {@code VirtualProvider} registers the strategy; {@code VirtualStrategy} runs
 * one virtual thread per unit of work on a thread-per-task executor, at most T in flight ({@code
 * InFlightLimit}).
 *
 * <p>Imports: {@code arena.core} and its subpackages (the SPI, the job, the shared concurrency
 * idioms of {@code arena.core.concurrent}) and the JDK; never another strategy's package, nor
 * {@code arena.bench}.
 */
package arena.strategy.virtual;
