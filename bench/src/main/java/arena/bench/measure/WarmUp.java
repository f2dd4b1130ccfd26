package arena.bench.measure;

/**
 * Where one fork's warm-up of one configuration ended, as {@link SteadyState} found it: the
 * samples it took before the timed ones, and whether the timed ones are steady. A configuration
 * measured in-process has one. Immutable.
 *
 * @param samples the samples discarded as warm-up, after the verification run
 * @param steady  false when the fork never reached a steady state within the rule's maximum
 *                warm-up: its samples after that maximum are timed and every report flags them
 */
public record WarmUp(int samples, boolean steady) {

    /** @throws IllegalArgumentException when {@code samples} is negative */
    public WarmUp {
        if (samples < 0) {
            throw new IllegalArgumentException("samples must be at least 0, got " + samples);
        }
    }
}
