package arena.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * A class-path resource copied to a file of the same name in a new temporary directory that only
 * its owner may read or enter, for code that needs a file rather than a stream: a native library to
 * load (Linux keeps a loaded library mapped after its file is deleted, so it may be closed at once)
 * or a library path to hand to a profiler (closed after the run). {@link #close()} deletes the file
 * and the directory; what it cannot delete is deleted when the JVM exits. Used by one thread.
 */
public final class TemporaryCopy implements AutoCloseable {

    private final Path directory;
    private final Path file;

    private TemporaryCopy(Path directory, Path file) {
        this.directory = directory;
        this.file = file;
    }

    /**
     * Copies {@code resource} (an absolute resource name such as {@code /native/libx.so}, found
     * through {@code owner}'s class loader) into a new directory whose name starts with
     * {@code prefix}.
     *
     * @return the copy; empty when there is no such resource
     * @throws IOException when the directory or the file cannot be written (nothing is left behind)
     */
    public static Optional<TemporaryCopy> of(Class<?> owner, String resource, String prefix) throws IOException {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            Path directory = Files.createTempDirectory(prefix, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            TemporaryCopy copy = new TemporaryCopy(directory, directory.resolve(resource.substring(resource.lastIndexOf('/') + 1)));
            try {
                Files.copy(in, copy.file);
                return Optional.of(copy);
            } catch (IOException | RuntimeException e) {
                copy.close();
                throw e;
            }
        }
    }

    /** The copied file. */
    public Path path() {
        return file;
    }

    /** Deletes the file and its directory (at the JVM's exit, where they cannot be deleted now). */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            // in this order, for the JVM deletes in the reverse order: the file, then its directory
            directory.toFile().deleteOnExit();
            file.toFile().deleteOnExit();
        }
    }
}
