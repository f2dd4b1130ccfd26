package arena.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writing a command's output failed after its run (a full disk, a device error): the message names
 * the target, the operating system's reason and what became of the previous content, on one line.
 * The command line maps it to its exit code for a failed output. Immutable; safe to share between threads.
 */
public final class OutputFailedException extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param target   what was being written
     * @param outcome  what became of the previous content, e.g. "the previous file is unchanged"
     * @param cause    the failure
     */
    public OutputFailedException(Path target, String outcome, IOException cause) {
        super("could not write " + target + ": " + OutputTargets.reason(cause) + "; " + outcome, cause);
    }
}
