package arena.strategy.openmp;

/**
 * A non-zero status of a native entry point, with the message saying what was wrong. The strategy
 * hands it to the caller as the cause of a {@link arena.core.WorkerFailedException}, except
 * {@link #CANCELLED}, which it answers as a cancellation. Immutable.
 */
final class NativeFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** {@code arena_julia}'s status when the cancel flag stopped the loop. */
    static final int CANCELLED = 2;

    private final int status;

    private NativeFailure(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The failure of {@code function} that returned {@code status} (not 0). */
    static NativeFailure of(String function, int status) {
        String what = switch (status) {
            case 1 -> "an invalid argument (a resolution below 1, rows outside the grid, an unknown kernel or schedule, or a null buffer)";
            case CANCELLED -> "cancelled: the cancel flag was set";
            case 3 -> "the c-avx512 kernel on a CPU without AVX-512F";
            case 4 -> "out of native memory for the c-avx512 lanes and survivor queues";
            default -> "unknown status " + status;
        };
        return new NativeFailure(status, function + " returned " + status + ": " + what);
    }

    /** The native status, e.g. {@link #CANCELLED}. */
    int status() {
        return status;
    }
}
