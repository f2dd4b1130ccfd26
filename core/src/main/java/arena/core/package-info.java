/**
 * The top floor of core, where strategies plug in: the Strategy SPI ({@link arena.core.Strategy},
 * {@link arena.core.StrategyProvider} with {@link arena.core.AbstractStrategyProvider},
 * {@link arena.core.Capabilities}, {@link arena.core.StrategyRegistry} found by
 * {@link java.util.ServiceLoader}), the job every strategy runs ({@link arena.core.GridJob} with
 * {@link arena.core.AbstractStrategy}, {@link arena.core.Execution}, the sealed
 * {@link arena.core.Schedule} and its {@link arena.core.ChunkPlan}), the results
 * ({@link arena.core.CountGrid}, {@link arena.core.GridSummary}, {@link arena.core.GridDifference},
 * the golden cases), the timeline recorder and the sequential reference.
 *
 * <p>Imports, lowest first: {@code arena.core.input} &lt; {@code arena.core.problem} &lt;
 * {@code arena.core.concurrent} &lt; {@code arena.core.kernel} &lt; this package. Each imports only
 * the ones below it (and the JDK), so this package may import all four and none of them imports it.
 * Nothing in core imports a strategy module or {@code bench}: they build on core.
 */
package arena.core;
