/**
 * RxJava 3: {@code RxJavaProvider} registers the strategy; {@code RxJavaStrategy} builds the
 * {@code ParallelFlowable} pipelines that {@link arena.core.AbstractRailStrategy} runs and waits
 * for, on a fixed pool of tracked threads.
 *
 * <p>Imports: {@code arena.core} and its subpackages (the SPI, the job, the shared concurrency
 * idioms of {@code arena.core.concurrent}), the JDK and RxJava (io.reactivex.rxjava3); never
 * another strategy's package, nor {@code arena.bench}.
 */
package arena.strategy.rxjava;
