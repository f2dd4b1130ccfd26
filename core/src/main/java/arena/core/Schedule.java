package arena.core;

import arena.core.input.InvalidInputException;
import arena.core.input.Names;
import arena.core.input.NumberText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A loop schedule over grid rows, with OpenMP's semantics, plus ForkJoin's recursive split.
 *
 * <ul>
 *   <li>{@code static}: the rows are divided into {@code threads} contiguous blocks of nearly equal
 *       size (the first {@code rows % threads} blocks one row larger), at most one per thread;</li>
 *   <li>{@code static:N}: chunks of N rows dealt round-robin, chunk k to thread {@code k % threads};
 *       the chapter's {@code prange(schedule='static', chunksize=1)} is {@code static:1};</li>
 *   <li>{@code dynamic:N} (default 1): chunks of N rows, each taken by the next free thread;</li>
 *   <li>{@code guided:N} (default 1): like dynamic, but each chunk has
 *       {@code max(N, ceil(remaining / threads))} rows, so chunks shrink as the work runs out;</li>
 *   <li>{@code split:N} (default 1): the rows are halved recursively until a band has at most N rows;
 *       the bands are the tasks of a work-stealing pool (ForkJoin's own idiom).</li>
 * </ul>
 *
 * <p>In every case the last chunk may be shorter and every row is computed exactly once. Values;
 * immutable.
 */
public sealed interface Schedule permits Schedule.Static, Schedule.Dynamic, Schedule.Guided, Schedule.Split {

    /** The schedule families, as strategies declare the ones they support. */
    enum Kind {
        STATIC, DYNAMIC, GUIDED, SPLIT;

        /** The family's name as written on the command line, e.g. {@code dynamic}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** This schedule's family. */
    default Kind kind() {
        return switch (this) {
            case Static s -> Kind.STATIC;
            case Dynamic d -> Kind.DYNAMIC;
            case Guided g -> Kind.GUIDED;
            case Split s -> Kind.SPLIT;
        };
    }

    /**
     * The canonical text form, e.g. {@code static}, {@code static:1}, {@code dynamic:16}: what
     * {@link #parse} reads back as an equal schedule, and each variant's {@code toString()}.
     */
    default String spec() {
        return switch (this) {
            case Static(int chunk) -> chunk == 0 ? "static" : "static:" + chunk;
            case Dynamic(int chunk) -> "dynamic:" + chunk;
            case Guided(int minChunk) -> "guided:" + minChunk;
            case Split(int threshold) -> "split:" + threshold;
        };
    }

    /**
     * Divides {@code rows} rows among {@code threads} workers: the chunks of the list above, in row
     * order (for {@code split}, the leaves of the halving, left to right); only {@code static}'s are
     * preassigned, chunk {@code id} to worker {@code id % threads}.
     */
    default ChunkPlan plan(int rows, int threads) {
        List<RowRange> chunks = new ArrayList<>();
        switch (this) {
            case Static(int chunk) when chunk == 0 -> addBlocks(chunks, rows, threads);
            case Static(int chunk) -> addFixedChunks(chunks, rows, chunk);
            case Dynamic(int chunk) -> addFixedChunks(chunks, rows, chunk);
            case Guided(int minChunk) -> addGuidedChunks(chunks, rows, threads, minChunk);
            case Split split -> split.addLeaves(chunks, 0, rows);
        }
        return new ChunkPlan(chunks, threads, kind() == Kind.STATIC);
    }

    /** Static: contiguous blocks ({@code chunk == 0}) or round-robin chunks of {@code chunk} rows. */
    record Static(int chunk) implements Schedule {
        /** Rejects a negative chunk; 0 means one contiguous block per thread. */
        public Static {
            if (chunk < 0) {
                throw new InvalidInputException("schedule", "schedule static chunk must be >= 1, got " + chunk);
            }
        }

        @Override
        public String toString() {
            return spec();
        }
    }

    /** Dynamic: chunks of {@code chunk} rows, first come first served. */
    record Dynamic(int chunk) implements Schedule {
        /** Rejects a chunk below 1. */
        public Dynamic {
            requireAtLeastOne("dynamic chunk", chunk);
        }

        @Override
        public String toString() {
            return spec();
        }
    }

    /** Guided: shrinking chunks of {@code max(minChunk, ceil(remaining / threads))} rows. */
    record Guided(int minChunk) implements Schedule {
        /** Rejects a minimum chunk below 1. */
        public Guided {
            requireAtLeastOne("guided minimum chunk", minChunk);
        }

        @Override
        public String toString() {
            return spec();
        }
    }

    /** Split: recursive halving down to bands of at most {@code threshold} rows. */
    record Split(int threshold) implements Schedule {
        /** Rejects a threshold below 1. */
        public Split {
            requireAtLeastOne("split threshold", threshold);
        }

        /** Whether a band of {@code rows} rows is split further. */
        public boolean splits(int rows) {
            return rows > threshold;
        }

        /** Where a band {@code [start, end)} is halved: {@code start + (end - start) / 2}. */
        public static int middle(int start, int end) {
            return start + (end - start) / 2;
        }

        private void addLeaves(List<RowRange> leaves, int start, int end) {
            if (!splits(end - start)) {
                leaves.add(new RowRange(start, end));
                return;
            }
            int middle = middle(start, end);
            addLeaves(leaves, start, middle);
            addLeaves(leaves, middle, end);
        }

        @Override
        public String toString() {
            return spec();
        }
    }

    /**
     * Parses {@code static}, {@code static:N}, {@code dynamic[:N]}, {@code guided[:N]},
     * {@code split[:N]}: the kind is a name by {@link Names}' rule (case ignored), N a whole number
     * &gt;= 1 by {@link NumberText}'s rule; no blanks.
     *
     * @throws InvalidInputException naming {@code schedule} and the accepted forms
     */
    static Schedule parse(String text) {
        String s = text == null ? "" : text;
        int colon = s.indexOf(':');
        String family = colon < 0 ? s : s.substring(0, colon);
        if (family.isEmpty() || !family.chars().allMatch(ch -> ch < 128 && Character.isLetter(ch))) {
            throw new InvalidInputException("schedule", "schedule '" + text + "' is unknown; " + FORMS);
        }
        Integer argument = colon < 0 ? null : parseArgument(text, s.substring(colon + 1));
        return switch (family.toLowerCase(Locale.ROOT)) {
            case "static" -> new Static(argument == null ? 0 : positive(text, argument));
            case "dynamic" -> new Dynamic(argument == null ? 1 : positive(text, argument));
            case "guided" -> new Guided(argument == null ? 1 : positive(text, argument));
            case "split" -> new Split(argument == null ? 1 : positive(text, argument));
            default -> throw new InvalidInputException("schedule", "schedule '" + text + "' is unknown; " + FORMS);
        };
    }

    /** The accepted forms, for messages. */
    String FORMS = "use static, static:N, dynamic[:N], guided[:N] or split[:N] with a whole number N from 1 to "
            + Integer.MAX_VALUE + " (kinds ASCII, case ignored; " + NumberText.RULE + ")";

    private static Integer parseArgument(String text, String digits) {
        if (!NumberText.isWhole(digits)) {
            throw new InvalidInputException("schedule", "schedule '" + text + "' has a bad chunk size; " + FORMS);
        }
        try {
            return NumberText.wholeNumber("schedule", digits, Integer.MIN_VALUE, Integer.MAX_VALUE);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("schedule", "schedule '" + text + "' has a chunk size beyond " + Integer.MAX_VALUE + "; " + FORMS);
        }
    }

    private static int positive(String text, int argument) {
        if (argument < 1) {
            throw new InvalidInputException("schedule", "schedule '" + text + "' needs a chunk size >= 1; " + FORMS);
        }
        return argument;
    }

    private static void requireAtLeastOne(String what, int value) {
        if (value < 1) {
            throw new InvalidInputException("schedule", "schedule " + what + " must be >= 1, got " + value);
        }
    }

    private static void addBlocks(List<RowRange> chunks, int rows, int threads) {
        int base = rows / threads;
        int extra = rows % threads;
        int start = 0;
        for (int w = 0; w < threads && start < rows; w++) {
            int length = base + (w < extra ? 1 : 0);
            chunks.add(new RowRange(start, start + length));
            start += length;
        }
    }

    private static void addGuidedChunks(List<RowRange> chunks, int rows, int threads, int minChunk) {
        int start = 0;
        while (start < rows) {
            int remaining = rows - start;
            int length = Math.min(remaining, Math.max(minChunk, (remaining + threads - 1) / threads));
            chunks.add(new RowRange(start, start + length));
            start += length;
        }
    }

    private static void addFixedChunks(List<RowRange> chunks, int rows, int chunk) {
        for (long start = 0; start < rows; start += chunk) {
            chunks.add(new RowRange((int) start, (int) Math.min(rows, start + chunk)));
        }
    }
}
