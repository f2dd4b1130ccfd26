package arena.core;

/**
 * The chapter's {@code julia_fraction}: the share of cells whose count equals {@code maxval}, as one
 * double division {@code count / cells}. Every strategy reduces the count in its own model and ends
 * with this same division, so all fractions are bit-identical. Stateless.
 */
public final class Fraction {

    private Fraction() {
    }

    /** {@code (double) count / cells}. */
    public static double of(long count, long cells) {
        return (double) count / (double) cells;
    }
}
