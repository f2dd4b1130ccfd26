/**
 * {@link java.util.concurrent.CompletableFuture} composition: {@code CompletableProvider}
 * registers the strategy; {@code CompletableStrategy} starts one {@code runAsync} stage per unit
 * on a fixed pool it owns, joins them with {@code allOf} and reduces the fraction with {@code
 * thenCombine}; {@code Completion} waits for a combined future and unwraps a stage's exception.
 *
 * <p>Imports: {@code arena.core} and its subpackages (the SPI, the job, the shared concurrency
 * idioms of {@code arena.core.concurrent}) and the JDK; never another strategy's package, nor
 * {@code arena.bench}.
 */
package arena.strategy.completable;
