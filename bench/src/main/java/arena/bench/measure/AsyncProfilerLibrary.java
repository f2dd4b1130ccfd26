package arena.bench.measure;

import arena.core.input.InvalidInputException;
import arena.core.io.TemporaryCopy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * async-profiler's native library, copied out of the async-profiler jar on the class path (the
 * artefact {@code tools.profiler:async-profiler} ships one per platform) into a new owner-only
 * temporary directory ({@link TemporaryCopy}), so that JMH's {@code -prof async} finds it without
 * an installation. {@link #close} removes the copy and its directory. Used by one thread.
 */
public final class AsyncProfilerLibrary implements AutoCloseable {

    private final TemporaryCopy copy;

    private AsyncProfilerLibrary(TemporaryCopy copy) {
        this.copy = copy;
    }

    /**
     * Copies this platform's library out of the jar.
     *
     * @throws InvalidInputException naming {@code prof} on a platform async-profiler has no library
     *                               for (then give {@code -prof async:libPath=...})
     */
    public static AsyncProfilerLibrary extract() {
        String resource = "/" + platform() + "/libasyncProfiler.so";
        try {
            return new AsyncProfilerLibrary(TemporaryCopy.of(AsyncProfilerLibrary.class, resource, "arena-async-profiler-").orElseThrow(
                    () -> new InvalidInputException("prof", "prof: async-profiler's library " + resource
                            + " is not on the class path; give -prof async:libPath=/path/to/libasyncProfiler.so")));
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy async-profiler's library to a temporary directory", e);
        }
    }

    /** The copied library, for {@code -prof async:libPath=}. */
    public Path path() {
        return copy.path();
    }

    /** Removes the copy and its directory. */
    @Override
    public void close() {
        copy.close();
    }

    private static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return "macos";
        }
        if (os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"))) {
            return "linux-x64";
        }
        if (os.contains("linux") && arch.equals("aarch64")) {
            return "linux-arm64";
        }
        throw new InvalidInputException("prof", "prof: async-profiler ships no library for " + os + " " + arch
                + "; give -prof async:libPath=/path/to/libasyncProfiler.so");
    }
}
