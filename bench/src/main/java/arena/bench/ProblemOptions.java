package arena.bench;

import arena.core.Complex;
import arena.core.JuliaParams;
import picocli.CommandLine.Option;

/**
 * The problem options every command shares, defaulting to the seed's case. Values are read as text
 * and converted by {@link #toParams()}, so that every bad value gets a message naming the option and
 * its allowed range. Filled in by picocli on the main thread.
 */
public final class ProblemOptions {

    @Option(names = "--resolution", paramLabel = "N", defaultValue = "1000",
            description = "grid resolution R (1..46339); the grid has (R+1)^2 cells (default: ${DEFAULT-VALUE})")
    String resolution;

    @Option(names = "--c", paramLabel = "Z", defaultValue = "0.322+0.05i",
            description = "the constant c, e.g. 0.322+0.05i, -0.8-0.156i, 0.5, 2i (default: ${DEFAULT-VALUE})")
    String c;

    @Option(names = "--bound", paramLabel = "B", defaultValue = "1.5",
            description = "half-width of the square [-B, B]^2, > 0 (default: ${DEFAULT-VALUE})")
    String bound;

    @Option(names = "--z-max", paramLabel = "M", defaultValue = "4.0",
            description = "escape radius, > 0 (default: ${DEFAULT-VALUE})")
    String zMax;

    @Option(names = "--n-max", paramLabel = "K", defaultValue = "1000",
            description = "iteration cap, 0..2147483647 (default: ${DEFAULT-VALUE})")
    String nMax;

    /**
     * The validated problem.
     *
     * @throws arena.core.InvalidInputException naming the first bad option
     */
    public JuliaParams toParams() {
        int r = Numbers.wholeNumber("resolution", resolution, 1, JuliaParams.MAX_RESOLUTION);
        Complex constant = Complex.parse(c);
        double b = Numbers.finite("bound", bound);
        double z = Numbers.finite("z-max", zMax);
        int n = Numbers.wholeNumber("n-max", nMax, 0, Integer.MAX_VALUE);
        return new JuliaParams(r, constant.re(), constant.im(), b, z, n);
    }
}
