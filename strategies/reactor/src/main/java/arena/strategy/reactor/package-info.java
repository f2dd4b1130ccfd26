/**
 * Project Reactor: {@code ReactorProvider} registers the strategy; {@code ReactorStrategy} builds
 * the {@code ParallelFlux} pipelines that {@link arena.core.AbstractRailStrategy} runs and waits
 * for, on a parallel scheduler of {@code RailThreads}.
 *
 * <p>Imports: {@code arena.core} and its subpackages (the SPI, the job, the shared concurrency
 * idioms of {@code arena.core.concurrent}), the JDK and Reactor (reactor-core); never another
 * strategy's package, nor {@code arena.bench}.
 */
package arena.strategy.reactor;
