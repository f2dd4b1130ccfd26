package arena.bench.cli;

import arena.core.input.InvalidInputException;
import arena.core.input.NumberText;
import arena.core.problem.Complex;
import arena.core.problem.JuliaParams;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The problem options every command shares, defaulting to the chapter's case. Values are read as text
 * and converted by {@link #toParams()}, so that every bad value gets a message naming the option and
 * its allowed range. {@code --resolution} and {@code --n-max} take comma-separated lists, which
 * {@code compare} sweeps ({@link #toProblems()}); single-problem commands use {@link #toParams()}.
 * Filled in by picocli on the main thread.
 */
public final class ProblemOptions {

    @Option(names = "--resolution", paramLabel = "N", defaultValue = "1000", split = ",",
            description = "grid resolution R (1..46339); the grid has (R+1)^2 cells (default: ${DEFAULT-VALUE})")
    List<String> resolutions;

    @Option(names = "--c", paramLabel = "Z", defaultValue = "0.322+0.05i",
            description = "the constant c, e.g. 0.322+0.05i, -0.8-0.156i, 0.5, 2i (default: ${DEFAULT-VALUE})")
    String c;

    @Option(names = "--bound", paramLabel = "B", defaultValue = "1.5",
            description = "half-width of the square [-B, B]^2, > 0 (default: ${DEFAULT-VALUE})")
    String bound;

    @Option(names = "--z-max", paramLabel = "M", defaultValue = "4.0",
            description = "escape radius, > 0 (default: ${DEFAULT-VALUE})")
    String zMax;

    @Option(names = "--n-max", paramLabel = "K", defaultValue = "1000", split = ",",
            description = "iteration cap, 0..2147483647 (default: ${DEFAULT-VALUE})")
    List<String> nMaxes;

    /** The problem options' names, as {@link #givenIn} reports them. */
    static final List<String> NAMES = List.of("--resolution", "--c", "--bound", "--z-max", "--n-max");

    /** The problem options given explicitly on the command line of {@code command}, in {@link #NAMES}' order. */
    static List<String> givenIn(CommandSpec command) {
        var parsed = command.commandLine().getParseResult();
        return NAMES.stream().filter(parsed::hasMatchedOption).toList();
    }

    /**
     * The one validated problem.
     *
     * @throws InvalidInputException naming the first bad option, or a list where one value is needed
     */
    public JuliaParams toParams() {
        List<JuliaParams> problems = toProblems();
        if (problems.size() != 1) {
            String option = resolutions.size() > 1 ? "resolution" : "n-max";
            throw new InvalidInputException(option, option + " takes one value here, got a list; 'arena compare' sweeps lists");
        }
        return problems.get(0);
    }

    /**
     * Every validated problem of the sweep: each resolution with each n_max, resolutions outer.
     *
     * @throws InvalidInputException naming the first bad option
     */
    public List<JuliaParams> toProblems() {
        Complex constant = Complex.parse(c);
        double b = NumberText.positive("bound", bound);
        double z = NumberText.positive("z-max", zMax);
        List<JuliaParams> problems = new ArrayList<>();
        for (String resolution : resolutions) {
            int r = Numbers.wholeNumber("resolution", resolution, 1, JuliaParams.MAX_RESOLUTION);
            for (String nMax : nMaxes) {
                int n = Numbers.wholeNumber("n-max", nMax, 0, Integer.MAX_VALUE);
                problems.add(new JuliaParams(r, constant.re(), constant.im(), b, z, n));
            }
        }
        return problems;
    }
}
