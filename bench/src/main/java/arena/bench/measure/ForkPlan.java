package arena.bench.measure;

/**
 * How a {@code compare} run was measured: in-process, or in fresh child JVMs per strategy in a
 * seeded order. Every report states it, since numbers measured in one JVM carry that JVM's history
 * (what ran before, what it compiled) and their intervals leave out the JVM-to-JVM variance.
 * Immutable.
 *
 * @param forks     child JVMs per strategy; 0 when measured in-process, not forked
 * @param orderSeed the seed of the forks' {@link ForkOrder}; ignored when in-process
 */
public record ForkPlan(int forks, long orderSeed) {

    /** The most forks per strategy {@code compare --forks} takes. */
    public static final int MAX_FORKS = 20;

    /** @throws IllegalArgumentException when {@code forks} is negative */
    public ForkPlan {
        if (forks < 0) {
            throw new IllegalArgumentException("forks must be at least 0, got " + forks);
        }
    }

    /** Measured in this JVM. */
    public static ForkPlan inProcess() {
        return new ForkPlan(0, 0);
    }

    /** Whether the run was measured in child JVMs. */
    public boolean forked() {
        return forks > 0;
    }

    /** One line for reports, e.g. {@code "2 forks per strategy, in randomized blocks, every second one reversed (ABBA; order seed 17)"}. */
    public String describe() {
        return forked()
                ? forks + (forks == 1 ? " fork" : " forks") + " per strategy, in randomized blocks"
                        + (forks > 1 ? ", every second one reversed (ABBA; order seed " : " (order seed ") + orderSeed + ")"
                : "in-process, not forked";
    }
}
