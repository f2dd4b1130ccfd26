package arena.bench;

import arena.core.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a {@link Report}'s files into a directory as one set: the files are written into a fresh
 * temporary directory beside the target, which then replaces the target by renames, so the target
 * holds either the previous complete set or the new one, never a partial or mixed set. Used by one
 * thread.
 */
public final class ReportFiles {

    /** The chart of median times. */
    public static final String TIMES_CHART = "median-times.png";
    /** The chart of speed-up versus threads. */
    public static final String SPEEDUP_CHART = "speedup.png";
    /** Every file of a set. */
    public static final List<String> NAMES = List.of("results.csv", "results.json", "report.md", TIMES_CHART, SPEEDUP_CHART);

    private ReportFiles() {
    }

    /**
     * Checks, before any work, that {@code directory} can be written: it is a directory or does not
     * exist yet, and its parent is a writable directory.
     *
     * @throws InvalidInputException naming {@code out}
     */
    public static void requireWritableTarget(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new InvalidInputException("out", "out must be a directory, but " + absolute + " is a file");
        }
        Path parent = absolute.getParent();
        if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
            throw new InvalidInputException("out", "out must be in a writable directory; " + parent + " is not one");
        }
    }

    /** Writes every file of the set into {@code directory}, replacing its previous content as a whole. */
    public static void write(Report report, Path directory) throws IOException {
        Path target = directory.toAbsolutePath().normalize();
        requireWritableTarget(target);
        Path fresh = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".new-");
        try {
            Files.writeString(fresh.resolve("results.csv"), report.toCsv(), StandardCharsets.UTF_8);
            Files.writeString(fresh.resolve("results.json"), Json.write(report.toJson()) + "\n", StandardCharsets.UTF_8);
            Files.writeString(fresh.resolve("report.md"), report.toMarkdown(), StandardCharsets.UTF_8);
            ReportCharts.write(report, fresh.resolve(TIMES_CHART), fresh.resolve(SPEEDUP_CHART));
            swapIn(fresh, target);
        } finally {
            deleteRecursively(fresh);
        }
    }

    private static void swapIn(Path fresh, Path target) throws IOException {
        if (!Files.exists(target)) {
            move(fresh, target);
            return;
        }
        Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
        Files.delete(old);
        move(target, old);
        try {
            move(fresh, target);
        } catch (IOException e) {
            move(old, target);
            throw e;
        }
        deleteRecursively(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
