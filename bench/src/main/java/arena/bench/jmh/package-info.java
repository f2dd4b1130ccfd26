/**
 * The JMH suite, a second driver beside the command line over the same model: whole grids per
 * strategy ({@link arena.bench.jmh.ComputeBenchmark}), the kernels alone
 * ({@link arena.bench.jmh.KernelBenchmark}) and the fraction's reduction
 * ({@link arena.bench.jmh.FractionBenchmark}). Every benchmark validates its last result after
 * timing, through the measure layer ({@link arena.bench.jmh.ReferenceCheck}); {@code arena jmh} runs
 * them. JMH generates {@code jmh_generated} below this package.
 *
 * <p>May import: {@code arena.bench.measure}, {@code arena.core} and its packages, JMH and the JDK.
 * Must not import {@code arena.bench.report}, {@code arena.bench.cli} or any strategy (strategies
 * are found by name through the registry); {@code LayersTest} checks it.
 */
package arena.bench.jmh;
