package arena.strategy.openmp;

import arena.core.io.TemporaryCopy;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The C library bound through the FFM API (release 22; reached only through {@link NativeLoader}).
 * {@link #load()} copies {@code native/linux-x86_64/libarena_openmp.so} out of the jar into a
 * private temporary directory ({@link TemporaryCopy}), loads it into the global arena and deletes
 * the file and directory at once (Linux keeps a loaded library mapped), so nothing is left on disk
 * whichever way the JVM ends. The downcall handles are plain (not critical): a long call must let
 * the GC and safepoints run. Immutable; safe from any thread.
 */
final class FfmLibrary implements OpenMpLibrary {

    /** The library inside the jar. */
    static final String RESOURCE = "/native/linux-x86_64/libarena_openmp.so";

    final MethodHandle julia;
    final MethodHandle countEqual;
    final MethodHandle close;
    private final boolean avx512;

    private FfmLibrary(SymbolLookup symbols) throws Throwable {
        Linker linker = Linker.nativeLinker();
        julia = linker.downcallHandle(symbols.find("arena_julia").orElseThrow(), FunctionDescriptor.of(JAVA_INT,
                JAVA_INT, JAVA_DOUBLE, JAVA_DOUBLE, JAVA_DOUBLE, JAVA_DOUBLE, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS,
                JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
        countEqual = linker.downcallHandle(symbols.find("arena_count_equal").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, ADDRESS));
        close = linker.downcallHandle(symbols.find("arena_close").orElseThrow(), FunctionDescriptor.ofVoid());
        MethodHandle hasAvx512 = linker.downcallHandle(symbols.find("arena_has_avx512").orElseThrow(), FunctionDescriptor.of(JAVA_INT));
        avx512 = (int) hasAvx512.invokeExact() == 1;
    }

    /**
     * Extracts, loads and binds the library.
     *
     * @throws IllegalStateException saying why when the jar has no library or it does not load
     */
    static FfmLibrary load() {
        try (TemporaryCopy copy = TemporaryCopy.of(FfmLibrary.class, RESOURCE, "arena-openmp-").orElseThrow(() -> new IllegalStateException(
                "this build has no native library " + RESOURCE.substring(1) + " (there was no C compiler when it was built)"))) {
            return new FfmLibrary(SymbolLookup.libraryLookup(copy.path(), Arena.global()));
        } catch (IllegalStateException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("its native library did not load: " + e, e);
        }
    }

    @Override
    public boolean hasAvx512() {
        return avx512;
    }

    @Override
    public OpenMpSession openSession() {
        return new FfmSession(this);
    }

    /** {@code ValueLayout.JAVA_INT}'s size, for the buffers. */
    static long intBytes(long cells) {
        return cells * ValueLayout.JAVA_INT.byteSize();
    }
}
