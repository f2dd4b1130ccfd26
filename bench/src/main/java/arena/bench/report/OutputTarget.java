package arena.bench.report;

import arena.core.input.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;

/**
 * An output named on the command line, checked before any work and written once complete: a single
 * {@link OutputFile} or a whole {@link OutputDirectory}. The check resolves the target (a symbolic
 * link followed, never replaced), lets the subclass refuse what is already there, removes what a
 * killed run left beside it and makes sure files can be created beside it. Used by one thread at a
 * time.
 */
public abstract sealed class OutputTarget permits OutputFile, OutputDirectory {

    /** Writes the whole content to a temporary path beside the target. */
    @FunctionalInterface
    public interface Content {
        /** Writes to {@code path}: a file that does not exist yet, or an empty directory, by the kind of target. */
        void writeTo(Path path) throws IOException;
    }

    /** The command-line parameter the target came from, for messages. */
    final String parameter;
    /** The absolute target, any symbolic link followed. */
    final Path target;
    /** What the target holds, for messages and temporary names: "file" or "set". */
    private final String holds;

    /**
     * Checks {@code out}, given as option {@code parameter}, before any work.
     *
     * @param requireKind refuses, naming the parameter, what is already at the resolved target
     * @throws InvalidInputException naming {@code parameter} when the target may not be written
     */
    OutputTarget(String parameter, Path out, String holds, BiConsumer<String, Path> requireKind) {
        Path resolved = OutputTargets.resolve(parameter, out);
        requireKind.accept(parameter, resolved);
        OutputTargets.removeLeftovers(resolved.getParent());
        OutputTargets.requireCanCreateIn(parameter, resolved.getParent());
        this.parameter = parameter;
        this.target = resolved;
        this.holds = holds;
    }

    /** The absolute target, any symbolic link followed. */
    public final Path path() {
        return target;
    }

    /**
     * Writes {@code content} beside the target and puts it in the target's place once complete.
     *
     * @throws OutputFailedException when writing fails; the previous content is unchanged
     * @throws InvalidInputException when something foreign appeared at the target during the run
     */
    public final void write(Content content) {
        Path temporary = target.getParent().resolve(OutputTargets.temporaryName(holds));
        try {
            writeAndSwap(content, temporary);
        } catch (IOException e) {
            throw new OutputFailedException(target, Files.exists(target) ? "the previous " + holds + " is unchanged" : "nothing was written", e);
        } finally {
            try {
                OutputTargets.deleteRecursively(temporary);
            } catch (IOException e) {
                // removed by the next run beside the target
            }
        }
    }

    /** Writes {@code content} to {@code temporary} (not created yet) and puts it in the target's place; the caller removes what is left. */
    abstract void writeAndSwap(Content content, Path temporary) throws IOException;
}
