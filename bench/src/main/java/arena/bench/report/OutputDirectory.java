package arena.bench.report;

import arena.core.input.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A directory that holds one set of report files, written as a whole: the tool deletes or replaces
 * only files it wrote.
 *
 * <p>{@link #check} runs before any work. A missing directory is created by {@link #write}. An
 * existing directory is accepted only when it holds exactly a previous set of the tool's own: a
 * {@value #MANIFEST} the tool wrote, and nothing beside it that the manifest does not list. Any
 * other directory (empty or not, a set from an older arena without a manifest, a set with anything
 * foreign beside it) is refused, naming the first foreign entry; so are an empty path, {@code /}, a
 * file, a device, a FIFO and a dangling symbolic link. A symbolic link to a directory is followed,
 * under the same rules, and never replaced.
 *
 * <p>{@link #write} fills a fresh temporary directory beside the target, adds the manifest, and
 * then replaces the target by renames, so the target holds either the previous complete set or the
 * new one, never a partial or mixed set. Leftovers of a killed run beside the target are removed by
 * the next check. Used by one thread at a time.
 */
public final class OutputDirectory extends OutputTarget {

    /** The name of the file that lists a set's files. */
    public static final String MANIFEST = ".arena-manifest";

    private static final String HEADER = "# arena report set: arena wrote the files listed below and replaces them as a whole on its next run here";

    private OutputDirectory(String parameter, Path out) {
        super(parameter, out, "set", OutputDirectory::requireOwnSetOrAbsent);
    }

    /**
     * Checks {@code out}, given as option {@code parameter}, before any work.
     *
     * @throws InvalidInputException naming {@code parameter} when the target may not be written
     */
    public static OutputDirectory check(String parameter, Path out) {
        return new OutputDirectory(parameter, out);
    }

    /** Fills {@code fresh} with the set and its manifest, then puts it in place of the target's previous set. */
    @Override
    void writeAndSwap(Content content, Path fresh) throws IOException {
        Files.createDirectory(fresh);
        content.writeTo(fresh);
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(fresh)) {
            for (Path file : files.sorted().toList()) {
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IllegalStateException("a report set holds regular files only, not " + file.getFileName());
                }
                OutputTargets.force(file);
                names.add(file.getFileName().toString());
            }
        }
        Path manifest = fresh.resolve(MANIFEST);
        Files.writeString(manifest, HEADER + "\n" + String.join("\n", names) + "\n", StandardCharsets.UTF_8);
        OutputTargets.force(manifest);
        requireOwnSetOrAbsent(parameter, target);
        swapIn(fresh);
    }

    private void swapIn(Path fresh) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            OutputTargets.move(fresh, target);
            return;
        }
        try {
            Files.setPosixFilePermissions(fresh, Files.getPosixFilePermissions(target));
        } catch (IOException | UnsupportedOperationException e) {
            // the new directory keeps the default permissions
        }
        Path old = target.getParent().resolve(OutputTargets.temporaryName("old"));
        OutputTargets.move(target, old);
        try {
            OutputTargets.move(fresh, target);
        } catch (IOException e) {
            OutputTargets.move(old, target);
            throw e;
        }
        try {
            deleteOwnSet(old);
        } catch (IOException e) {
            // the new set is in place; the old one is removed by the next run here
        }
    }

    /**
     * Deletes the files that {@code directory}'s manifest lists, the manifest, and then the directory
     * if nothing else is left in it. Anything the manifest does not list stays.
     */
    static void deleteOwnSet(Path directory) throws IOException {
        for (String name : manifest(directory).orElse(Set.of())) {
            Path file = directory.resolve(name);
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(file);
            }
        }
        Files.deleteIfExists(directory.resolve(MANIFEST));
        try {
            Files.deleteIfExists(directory);
        } catch (DirectoryNotEmptyException e) {
            // something foreign is in it: leave it
        }
    }

    private static void requireOwnSetOrAbsent(String parameter, Path target) {
        Optional<String> kind = OutputTargets.describe(target);
        if (kind.isEmpty()) {
            return;
        }
        if (!kind.get().equals("a directory")) {
            throw new InvalidInputException(parameter, parameter + " must be a directory or a new name, but " + target + " is " + kind.get());
        }
        List<String> entries;
        try (Stream<Path> list = Files.list(target)) {
            entries = list.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new InvalidInputException(parameter, parameter + ": cannot read the directory " + target + ": " + OutputTargets.reason(e));
        }
        Optional<Set<String>> listed = manifest(target);
        String remedy = "; remove it or name a new directory";
        if (listed.isEmpty()) {
            String why = entries.isEmpty() ? " is empty, and arena did not create it (it has no " + MANIFEST + ")"
                    : " holds " + entries.get(0) + ", which arena did not write (no " + MANIFEST + " lists it; sets of older arena versions have none)";
            throw new InvalidInputException(parameter, parameter + " directory " + target + why + remedy);
        }
        for (String entry : entries) {
            boolean own = entry.equals(MANIFEST)
                    || listed.get().contains(entry) && Files.isRegularFile(target.resolve(entry), LinkOption.NOFOLLOW_LINKS);
            if (!own) {
                throw new InvalidInputException(parameter, parameter + " directory " + target + " holds " + entry
                        + ", which arena did not write (its " + MANIFEST + " does not list it)" + remedy);
            }
        }
    }

    /** The names a manifest of the tool's own lists; empty when there is none, or it is not one the tool wrote. */
    private static Optional<Set<String>> manifest(Path directory) {
        Path manifest = directory.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            return Optional.empty();
        }
        return Optional.of(Set.copyOf(lines.subList(1, lines.size()).stream()
                .filter(name -> !name.isEmpty() && !name.contains("/") && !name.equals(".") && !name.equals("..")).toList()));
    }
}
