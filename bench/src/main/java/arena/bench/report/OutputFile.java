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
public final class OutputFile extends OutputTarget {

    private OutputFile(String parameter, Path out) {
        super(parameter, out, "file", OutputFile::requireRegularOrAbsent);
    }

    /**
     * Checks {@code out}, given as option {@code parameter}, before any work.
     *
     * @throws InvalidInputException naming {@code parameter} when the target cannot be written
     */
    public static OutputFile check(String parameter, Path out) {
        return new OutputFile(parameter, out);
    }

    /** Writes {@code content} to a temporary file beside the target and renames it over the target once complete. */
    @Override
    void writeAndSwap(Content content, Path temporary) throws IOException {
        content.writeTo(temporary);
        OutputTargets.force(temporary);
        requireRegularOrAbsent(parameter, target);
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            keepPermissions(target, temporary);
        }
        OutputTargets.move(temporary, target);
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
