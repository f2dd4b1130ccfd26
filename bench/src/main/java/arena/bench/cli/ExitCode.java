package arena.bench.cli;

/**
 * The exit codes of every {@code arena} command, listed in the README and in {@code arena --help}.
 */
public final class ExitCode {

    /** Success. */
    public static final int OK = 0;
    /** A result differs from the reference (a verification failure). */
    public static final int RESULT_DIFFERS = 1;
    /** Bad input: one line on stderr names the parameter and what is allowed. */
    public static final int BAD_INPUT = 2;
    /** A failure inside a worker; the message carries the original cause. Shares its code with {@link #OUTPUT_FAILED}. */
    public static final int WORKER_FAILED = 3;
    /**
     * Output could not be written (standard output, standard error or a file: a full disk, a closed
     * pipe, a device error); one line on stderr says why. A file being replaced is left as it was.
     */
    public static final int OUTPUT_FAILED = 3;
    /** The run timed out. */
    public static final int TIMED_OUT = 4;
    /** A baseline comparison found a significant slowdown. */
    public static final int SLOWER = 5;
    /** Interrupted (Ctrl-C). */
    public static final int INTERRUPTED = 130;
    /** Terminated by SIGTERM (kill, timeout, a service manager); SIGHUP gives 129. */
    public static final int TERMINATED = 143;

    /** The table printed at the end of {@code arena --help}. */
    public static final String TABLE = """
            Exit codes:
              0    success
              1    a result differs from the reference (verification failure)
              2    bad input (one line on stderr names the parameter and what is allowed)
              3    a failure inside a worker, or output that could not be written (the message carries the cause)
              4    timed out
              5    a significant slowdown found by a baseline comparison
              130  interrupted (Ctrl-C)
              143  terminated (SIGTERM, e.g. kill or timeout)""";

    private ExitCode() {
    }
}
