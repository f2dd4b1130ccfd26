/**
 * The measurement layer, bench's ground floor: what one run is ({@link arena.bench.measure.Configuration}),
 * the reference it is checked against ({@link arena.bench.measure.Reference},
 * {@link arena.bench.measure.Verification}), the harness that warms up and samples it
 * ({@link arena.bench.measure.Comparison}, {@link arena.bench.measure.Measurement},
 * {@link arena.bench.measure.OpenStrategies} with its {@link arena.bench.measure.InterruptShield}),
 * statistics ({@link arena.bench.measure.Stats}, {@link arena.bench.measure.Bootstrap},
 * {@link arena.bench.measure.HierarchicalBootstrap} over forks, the warm-up rule
 * {@link arena.bench.measure.SteadyState}, what the JVM and the machine did during a sample
 * {@link arena.bench.measure.SampleContext} with {@link arena.bench.measure.StolenTime}, and how fast the
 * machine's CPUs ran between forks {@link arena.bench.measure.SpeedCheck}, {@link arena.bench.measure.MachineSpeed}) and the
 * environment a result was measured in ({@link arena.bench.measure.Environment},
 * {@link arena.bench.measure.MemoryCheck}, {@link arena.bench.measure.AsyncProfilerLibrary}), and the
 * child JVMs of {@code compare --forks} ({@link arena.bench.measure.ForkedRun} starts and stops one
 * and reads its {@link arena.bench.measure.ForkLine}s; {@link arena.bench.measure.ForkFailedException}
 * when it fails).
 *
 * <p>May import: {@code arena.core} and its packages, the JDK and libraries. Must not import
 * {@code arena.bench.report}, {@code arena.bench.cli}, {@code arena.bench.jmh} or any strategy: the
 * report layer, the command line and the JMH suite build on this one ({@code LayersTest} checks it).
 */
package arena.bench.measure;
