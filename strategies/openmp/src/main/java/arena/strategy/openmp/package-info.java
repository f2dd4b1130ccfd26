/**
 * The chapter's own model, OpenMP, as native code: {@code OpenMpProvider} registers the strategy,
 * {@code OpenMpStrategy} calls the module's C library ({@code src/main/c/arena_openmp.c}, shipped in
 * the jar) on one platform thread of its own, through the Foreign Function &amp; Memory API. The FFM
 * classes ({@code FfmLibrary}, {@code FfmSession}, in {@code src/main/java22}) are compiled for
 * release 22 by a profile active on build JDKs of 22 or more and loaded by name
 * ({@code NativeLoader}) only where the running JVM is 22 or later; everything else here is release
 * 21, so on JDK 21, or without the library, the strategy is listed as unavailable with the reason.
 *
 * <p>Imports: {@code arena.core} and its subpackages and the JDK; never another strategy's package,
 * nor {@code arena.bench}.
 */
package arena.strategy.openmp;
