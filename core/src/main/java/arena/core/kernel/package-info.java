/**
 * The kernels, the second plug-in point after strategies: the contract
 * {@link arena.core.kernel.Kernel} (compute a band of rows, bit-identical to the reference, polling a
 * stop signal), the kernels themselves ({@link arena.core.kernel.ScalarKernel}, the reference;
 * {@link arena.core.kernel.InterleavedKernel}; {@link arena.core.kernel.VectorKernel} with
 * {@link arena.core.kernel.VectorSupport}), what they share ({@link arena.core.kernel.AbstractKernel},
 * the scratch pool), and how they are found: each registers a
 * {@link arena.core.kernel.KernelProvider} (by convention a {@code <Name>KernelProvider} extending
 * {@link arena.core.kernel.AbstractKernelProvider}) in
 * {@code META-INF/services/arena.core.kernel.KernelProvider}, which {@link arena.core.kernel.Kernels}
 * finds by {@link java.util.ServiceLoader}, as {@code arena.core.StrategyRegistry} finds strategies.
 *
 * <p>Imports: the JDK, {@code jdk.incubator.vector} (only from {@code VectorKernel}, loaded only when
 * the module is present), {@code arena.core.input} (names, bad input, the providers' base),
 * {@code arena.core.problem} and {@code arena.core.concurrent} (the stop signal); never {@code arena.core} itself (the grid, the
 * job, the strategy SPI), which runs kernels and so sits above this package.
 */
package arena.core.kernel;
