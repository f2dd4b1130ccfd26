package arena.bench.measure;

import arena.core.input.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * async-profiler's native library, copied out of the async-profiler jar on the class path (the
 * artefact {@code tools.profiler:async-profiler} ships one per platform) into a new owner-only
 * temporary directory, so that JMH's {@code -prof async} finds it without an installation.
 * {@link #close} removes the copy and its directory (and they are marked for removal at JVM exit
 * should close not run). Used by one thread.
 */
public final class AsyncProfilerLibrary implements AutoCloseable {

    private final Path directory;
    private final Path library;

    private AsyncProfilerLibrary(Path directory, Path library) {
        this.directory = directory;
        this.library = library;
    }

    /**
     * Copies this platform's library out of the jar.
     *
     * @throws InvalidInputException naming {@code prof} on a platform async-profiler has no library
     *                               for (then give {@code -prof async:libPath=...})
     */
    public static AsyncProfilerLibrary extract() {
        String resource = "/" + platform() + "/libasyncProfiler.so";
        try (InputStream in = AsyncProfilerLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new InvalidInputException("prof", "prof: async-profiler's library " + resource + " is not on the class path; give -prof async:libPath=/path/to/libasyncProfiler.so");
            }
            Path directory = Files.createTempDirectory("arena-async-profiler-");
            directory.toFile().deleteOnExit();
            Path library = directory.resolve("libasyncProfiler.so");
            library.toFile().deleteOnExit();
            Files.copy(in, library);
            return new AsyncProfilerLibrary(directory, library);
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy async-profiler's library to a temporary directory", e);
        }
    }

    /** The copied library, for {@code -prof async:libPath=}. */
    public Path path() {
        return library;
    }

    /** Removes the copy and its directory. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(library);
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            // removed at JVM exit (deleteOnExit)
        }
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
