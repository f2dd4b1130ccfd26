/**
 * The test kit every module's tests share (published as core's test-jar): the conformance suite
 * written once ({@link arena.core.testkit.StrategyConformanceTest}, which each strategy module runs
 * through a {@code <Model>ConformanceTest} subclass: golden figures, bit-identity with
 * {@code sequential}, failures, the caller's interrupt, the services file, nothing left running),
 * the golden cases, the deliberately wrong fixtures ({@code WrongStrategy}, {@code WrongProvider})
 * and the test kernels that inject faults or record who computed what, most of them on
 * {@code TestKernel} ({@code FailingKernel}, {@code ThrowingKernel}, {@code InterruptingKernel},
 * {@code SlowBandsKernel}, {@code FailsWhileAnotherBandRunsKernel}, {@code TwoRowsFailTogetherKernel},
 * {@code ThreadRecordingKernel}, {@code FirstRowWaitsForTheOthersKernel}),
 * with the waits they use ({@code Waits}), random schedules for the seeded sweeps
 * ({@code RandomSchedules}) and the live-thread probe ({@code LiveThreads}).
 *
 * <p>Imports: {@code arena.core} and its lower packages ({@code kernel}, {@code concurrent},
 * {@code problem}, {@code input}), the JDK, JUnit and AssertJ. It must not import a strategy module,
 * {@code bench}, or any concurrency library a strategy brings (Reactor, RxJava, Akka): a kit for every
 * module depends on none of them. Nothing here is registered through a services file of a main
 * artifact.
 */
package arena.core.testkit;
