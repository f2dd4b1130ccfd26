package arena.strategy.openmp;

/**
 * The module's loaded C library, as release-21 code sees it: the FFM implementation
 * ({@code FfmLibrary}) is compiled for release 22 and reached only through {@link NativeLoader}.
 * Safe from any thread.
 */
interface OpenMpLibrary {

    /** Whether the CPU runs the {@code c-avx512} kernel ({@code arena_has_avx512}). */
    boolean hasAvx512();

    /** Native memory for one strategy: its cancel flag and grid buffer; see {@link OpenMpSession}. */
    OpenMpSession openSession();
}
