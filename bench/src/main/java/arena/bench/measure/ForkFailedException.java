package arena.bench.measure;

/**
 * A child JVM of {@code compare --forks} failed: it exited non-zero, crashed, or printed a line that
 * is not a measurement. The message is one line naming the unit (the strategy) and the child's last
 * line on stderr. Immutable.
 */
public final class ForkFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure of the fork running {@code unit}, described in one line. */
    public ForkFailedException(String unit, String what) {
        super("the forked JVM measuring strategy '" + unit + "' " + what);
    }
}
