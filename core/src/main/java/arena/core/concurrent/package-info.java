/**
 * The concurrency idioms every strategy shares, written and tested once: waits that an interrupt does
 * not end ({@link arena.core.concurrent.Uninterruptibly}), a run's first failure
 * ({@link arena.core.concurrent.FirstFailure}, {@link arena.core.concurrent.StopOnFailure}), the count
 * of work in flight ({@link arena.core.concurrent.InFlight}) and the reactive pipelines' guard built on
 * it ({@link arena.core.concurrent.RailGuard}), the kernels' {@link arena.core.concurrent.StopSignal},
 * the hand-out of tasks to a model ({@link arena.core.concurrent.TaskStarter}), named and tracked
 * threads ({@link arena.core.concurrent.TrackedThreads}) and pools ({@link arena.core.concurrent.Pools}).
 *
 * <p>Imports: the JDK and, if ever needed, {@code arena.core.input} and {@code arena.core.problem};
 * never {@code arena.core} itself or anything above it (kernels, the grid, the job, the SPI), which
 * all build on this package. What a class here needs from a job it takes as a narrow interface of
 * its own ({@link arena.core.concurrent.StopOnFailure}), which {@code arena.core.GridJob} implements.
 */
package arena.core.concurrent;
