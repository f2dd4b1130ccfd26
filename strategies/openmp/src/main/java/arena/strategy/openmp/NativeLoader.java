package arena.strategy.openmp;

import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import java.util.Optional;

/**
 * Loads the C library once per JVM, or says why it cannot: the FFM classes are release-22 code,
 * reached here by name and only where {@code Runtime.version().feature() >= 22}, so a JDK 21 never
 * touches them. The outcome is fixed on first use (the JVM and the jar do not change while it runs).
 * Safe from any thread.
 */
final class NativeLoader {

    /** The release-22 class that extracts and binds the library. */
    static final String FFM_CLASS = "arena.strategy.openmp.FfmLibrary";

    private NativeLoader() {
    }

    /** Why the library cannot run in this JVM, as the end of a sentence; empty when it is loaded. */
    static Optional<String> whyUnavailable() {
        return Loaded.WHY;
    }

    /**
     * The loaded library.
     *
     * @throws IllegalStateException with {@link #whyUnavailable()}'s reason when it is not loaded
     */
    static OpenMpLibrary library() {
        if (Loaded.LIBRARY == null) {
            throw new IllegalStateException("the openmp library is unavailable: " + Loaded.WHY.orElseThrow());
        }
        return Loaded.LIBRARY;
    }

    /** Holder: loads on first use of {@link NativeLoader}'s methods, not when the provider is listed. */
    private static final class Loaded {
        static final OpenMpLibrary LIBRARY;
        static final Optional<String> WHY;

        static {
            OpenMpLibrary library = null;
            String why;
            try {
                why = platformProblem();
                if (why == null) {
                    library = (OpenMpLibrary) Class.forName(FFM_CLASS).getDeclaredMethod("load").invoke(null);
                }
            } catch (ClassNotFoundException e) {
                why = "this build has no FFM classes (they are compiled only by a build JDK of 22 or later)";
            } catch (InvocationTargetException e) {
                why = String.valueOf(e.getCause().getMessage());
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                why = "its native library did not load: " + e;
            }
            LIBRARY = library;
            WHY = library == null ? Optional.of(why) : Optional.empty();
        }

        /** Why this JVM or platform cannot load the library, or null. */
        private static String platformProblem() {
            if (Runtime.version().feature() < 22) {
                return "it needs JDK 22 or later (the Foreign Function & Memory API); this JVM is " + Runtime.version();
            }
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            String arch = System.getProperty("os.arch", "");
            if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
                return "its native library is built for linux x86-64 only; this is " + os + " " + arch;
            }
            return null;
        }
    }
}
