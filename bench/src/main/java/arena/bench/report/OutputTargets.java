package arena.bench.report;

import arena.core.input.InvalidInputException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What {@link OutputFile} and {@link OutputDirectory} share: resolving a target up front (a
 * symbolic link followed to what it names, never replaced), describing what is already there, the
 * tool's own temporary names beside a target, and removing those a killed run left behind.
 *
 * <p>Temporary names are {@code .arena-<kind>-<pid>-<8 hex digits>}: short whatever the target's
 * name, so they always fit a file system's 255-byte names, and they carry the writing process's id
 * so that the next run removes only leftovers of processes that are gone, never the temporary files
 * of a run still going beside it. Stateless; safe to call from any thread.
 */
public final class OutputTargets {

    /** The longest file name, in bytes, that common file systems accept. */
    static final int NAME_MAX = 255;

    private static final Pattern TEMPORARY = Pattern.compile("\\.arena-(set|old|file|probe)-(\\d{1,19})-[0-9a-f]{8}");

    private OutputTargets() {
    }

    /**
     * The absolute target that {@code out} names, with a symbolic link at its end followed to what it
     * names. Refuses, naming {@code parameter}: an empty path, {@code /}, a dangling or looping link,
     * a name longer than {@value #NAME_MAX} bytes, and a parent that is not an existing directory.
     */
    static Path resolve(String parameter, Path out) {
        if (out.toString().isEmpty()) {
            throw new InvalidInputException(parameter, parameter + " is empty; name a file or directory");
        }
        Path target = out.toAbsolutePath().normalize();
        if (target.getParent() == null) {
            throw new InvalidInputException(parameter, parameter + " must not be " + target + " (the root directory)");
        }
        if (!Files.isDirectory(target.getParent())) {
            throw new InvalidInputException(parameter, parameter + " must be in an existing directory, but " + target.getParent() + " is "
                    + describe(target.getParent()).orElse("missing"));
        }
        if (Files.isSymbolicLink(target)) {
            try {
                target = target.toRealPath();
            } catch (NoSuchFileException e) {
                throw new InvalidInputException(parameter, parameter + " is a symbolic link to " + linkText(target) + ", which does not exist");
            } catch (IOException e) {
                throw new InvalidInputException(parameter, parameter + " is a symbolic link that cannot be followed: " + reason(e));
            }
            if (target.getParent() == null) {
                throw new InvalidInputException(parameter, parameter + " is a symbolic link to " + target + " (the root directory)");
            }
        }
        int nameBytes = target.getFileName().toString().getBytes(StandardCharsets.UTF_8).length;
        if (nameBytes > NAME_MAX) {
            throw new InvalidInputException(parameter, parameter + "'s last name is " + nameBytes + " bytes long; at most " + NAME_MAX + " are allowed");
        }
        return target;
    }

    /**
     * What is at {@code path}, without following a link: "a file", "a directory", "a symbolic link",
     * "a FIFO", "a character device", "a block device", "a socket" or "a special file"; empty when
     * nothing is there.
     */
    static Optional<String> describe(Path path) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (attributes.isRegularFile()) {
            return Optional.of("a file");
        }
        if (attributes.isDirectory()) {
            return Optional.of("a directory");
        }
        if (attributes.isSymbolicLink()) {
            return Optional.of("a symbolic link");
        }
        try {
            int type = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000;
            return Optional.of(switch (type) {
                case 0010000 -> "a FIFO";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            });
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.of("a special file");
        }
    }

    /**
     * Checks, by creating and removing a file of a temporary name there, that files can be created
     * in {@code directory}; refuses naming {@code parameter} otherwise.
     */
    static void requireCanCreateIn(String parameter, Path directory) {
        Path probe = directory.resolve(temporaryName("probe"));
        try {
            Files.createFile(probe);
            Files.delete(probe);
        } catch (IOException e) {
            throw new InvalidInputException(parameter, parameter + " must be in a directory where files can be created; " + directory
                    + " refuses: " + reason(e));
        }
    }

    /** A fresh temporary name of this process, of the given kind ({@code set}, {@code old}, {@code file}, {@code probe}). */
    static String temporaryName(String kind) {
        return ".arena-" + kind + "-" + ProcessHandle.current().pid() + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    /**
     * Removes, from {@code directory}, every entry whose name matches the tool's temporary names and
     * whose process is gone (a run that was killed). An old set is removed file by file as its
     * manifest lists them; anything else stays. Failures to remove are ignored: a leftover is not
     * this run's output.
     */
    static void removeLeftovers(Path directory) {
        List<Path> leftovers;
        try (Stream<Path> entries = Files.list(directory)) {
            leftovers = entries.filter(OutputTargets::isLeftover).toList();
        } catch (IOException e) {
            return;
        }
        for (Path leftover : leftovers) {
            try {
                if (leftover.getFileName().toString().startsWith(".arena-old-")) {
                    OutputDirectory.deleteOwnSet(leftover);
                } else {
                    deleteRecursively(leftover);
                }
            } catch (IOException | RuntimeException e) {
                // left for a later run; it is not this run's output
            }
        }
    }

    private static boolean isLeftover(Path path) {
        Matcher matcher = TEMPORARY.matcher(path.getFileName().toString());
        if (!matcher.matches()) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(matcher.group(2));
        } catch (NumberFormatException e) {
            return false;
        }
        return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    /** Moves {@code from} to {@code to} atomically where the file system can, replacing a file at {@code to}. */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Forces {@code file}'s content to the storage device, so that a rename never publishes a file still in flight. */
    static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Deletes {@code path} and, for a directory, everything in it; links are deleted, never followed. */
    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The operating system's words for why {@code e} happened (e.g. "No space left on device"). */
    public static String reason(Throwable e) {
        String reason = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FileSystemException fs) {
                if (fs.getReason() != null) {
                    return fs.getReason();
                }
                if (fs instanceof NoSuchFileException) {
                    return "No such file or directory";
                }
                if (fs instanceof java.nio.file.AccessDeniedException) {
                    return "Permission denied";
                }
                if (fs instanceof java.nio.file.FileAlreadyExistsException) {
                    return "File exists";
                }
            }
            if (t.getMessage() != null) {
                reason = t.getMessage();
            }
        }
        return reason != null ? reason : e.getClass().getSimpleName();
    }

    private static String linkText(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "?";
        }
    }
}
