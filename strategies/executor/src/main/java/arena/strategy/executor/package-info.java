/**
 * The Java 5 executor idiom: {@code ExecutorProvider} registers the strategy; {@code
 * ExecutorStrategy} submits one task per unit to a fixed pool it owns and waits for every {@link
 * java.util.concurrent.Future}.
 *
 * <p>Imports: {@code arena.core} and its subpackages (the SPI, the job, the shared concurrency
 * idioms of {@code arena.core.concurrent}) and the JDK; never another strategy's package, nor
 * {@code arena.bench}.
 */
package arena.strategy.executor;
