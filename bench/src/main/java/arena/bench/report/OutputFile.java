package arena.bench.report;

import arena.core.input.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * A single output file (a PNG, a JSON file) replaced only when its new content is complete.
 *
 * <p>{@link #check} runs before any work: the target must be a regular file or not exist yet (a
 * symbolic link is followed to what it names; a directory, a device, a FIFO or a dangling link is
 * refused), and its directory must accept new files. {@link #write} writes into a temporary file
 * beside the target, forces it to disk and renames it over the target; on any failure the target
 * is left as it was and the temporary file is removed. Leftovers of a killed run beside the target
 * are removed by the next check. Used by one thread at a time.
 */
public final class OutputFile {

    /** Writes a file's whole content to the given (temporary) path. */
    @FunctionalInterface
    public interface Content {
        /** Writes the content to {@code file}, which does not exist yet. */
        void writeTo(Path file) throws IOException;
    }

    private final String parameter;
    private final Path target;

    private OutputFile(String parameter, Path target) {
        this.parameter = parameter;
        this.target = target;
    }

    /**
     * Checks {@code out}, given as option {@code parameter}, before any work.
     *
     * @throws InvalidInputException naming {@code parameter} when the target cannot be written
     */
    public static OutputFile check(String parameter, Path out) {
        Path target = OutputTargets.resolve(parameter, out);
        requireRegularOrAbsent(parameter, target);
        OutputTargets.removeLeftovers(target.getParent());
        OutputTargets.requireCanCreateIn(parameter, target.getParent());
        return new OutputFile(parameter, target);
    }

    /** The absolute target, any symbolic link followed. */
    public Path path() {
        return target;
    }

    /**
     * Writes {@code content} to a temporary file beside the target and renames it over the target
     * once complete.
     *
     * @throws OutputFailedException when writing fails; the target is unchanged
     * @throws InvalidInputException when the target became something other than a regular file
     */
    public void write(Content content) {
        Path temporary = target.getParent().resolve(OutputTargets.temporaryName("file"));
        try {
            content.writeTo(temporary);
            OutputTargets.force(temporary);
            requireRegularOrAbsent(parameter, target);
            if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                keepPermissions(target, temporary);
            }
            OutputTargets.move(temporary, target);
        } catch (IOException e) {
            throw new OutputFailedException(target, Files.exists(target) ? "the previous file is unchanged" : "nothing was written", e);
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                // removed by the next run into this directory
            }
        }
    }

    private static void requireRegularOrAbsent(String parameter, Path target) {
        OutputTargets.describe(target).filter(kind -> !kind.equals("a file")).ifPresent(kind -> {
            throw new InvalidInputException(parameter, parameter + " must be a regular file or a new name, but " + target + " is " + kind);
        });
    }

    private static void keepPermissions(Path from, Path to) {
        try {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        } catch (IOException | UnsupportedOperationException e) {
            // the new file keeps the default permissions
        }
    }
}
