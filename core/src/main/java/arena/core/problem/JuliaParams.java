package arena.core.problem;

import arena.core.input.InvalidInputException;

/**
 * One Julia-set problem: the grid resolution, the constant {@code c} and the escape parameters, with
 * the chapter's defaults ({@code bound 1.5, z_max 4.0, n_max 1000}).
 *
 * <p>The grid has {@code (resolution+1)^2} cells; cell {@code (i, j)} is the point
 * {@code (-bound + i*step) + (-bound + j*step)i} with {@code step = (2.0*bound)/resolution}: the row
 * index walks the real axis (see the golden contract). The constructor validates every field and
 * names the parameter and its allowed range in its {@link InvalidInputException}. Immutable.
 *
 * @param resolution grid parameter R, from 1 to {@link #MAX_RESOLUTION}
 * @param cRe        real part of c, finite
 * @param cIm        imaginary part of c, finite
 * @param bound      half-width of the square [-bound, bound]^2, finite and &gt; 0
 * @param zMax       escape radius, finite and &gt; 0
 * @param nMax       iteration cap, &gt;= 0 (0 gives an all-zero grid, as in the chapter)
 */
public record JuliaParams(int resolution, double cRe, double cIm, double bound, double zMax, int nMax) {

    /** The largest resolution whose (resolution+1)^2 cells fit in one Java int array. */
    public static final int MAX_RESOLUTION = 46_339;
    /** The chapter's resolution: {@code calc_julia(1000, ...)}. */
    public static final int SEED_RESOLUTION = 1000;
    /** The chapter's constant: {@code 0.322 + 0.05j}. */
    public static final Complex SEED_C = new Complex(0.322, 0.05);
    /** The chapter's default bound. */
    public static final double DEFAULT_BOUND = 1.5;
    /** The chapter's default escape radius. */
    public static final double DEFAULT_Z_MAX = 4.0;
    /** The chapter's default iteration cap. */
    public static final int DEFAULT_N_MAX = 1000;

    /** Validates every field; see the class comment for the ranges. */
    public JuliaParams {
        if (resolution < 1 || resolution > MAX_RESOLUTION) {
            throw new InvalidInputException("resolution", "resolution must be between 1 and " + MAX_RESOLUTION
                    + " (so that the (resolution+1)^2 cells fit in one int array), got " + resolution);
        }
        new Complex(cRe, cIm);
        requirePositiveFinite("bound", bound);
        requirePositiveFinite("z-max", zMax);
        if (nMax < 0) {
            throw new InvalidInputException("n-max", "n-max must be >= 0 (0 gives an all-zero grid), got " + nMax);
        }
    }

    /** The chapter's case: resolution 1000, c = 0.322+0.05i, bound 1.5, z_max 4.0, n_max 1000. */
    public static JuliaParams chapterCase() {
        return of(SEED_RESOLUTION, SEED_C);
    }

    /** A problem with the chapter's defaults for bound, z_max and n_max. */
    public static JuliaParams of(int resolution, Complex c) {
        return new JuliaParams(resolution, c.re(), c.im(), DEFAULT_BOUND, DEFAULT_Z_MAX, DEFAULT_N_MAX);
    }

    private static void requirePositiveFinite(String name, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new InvalidInputException(name, name + " must be a finite number > 0, got " + value);
        }
    }

    /** The constant c. */
    public Complex c() {
        return new Complex(cRe, cIm);
    }

    /** Cells per side: {@code resolution + 1}; also the number of rows. */
    public int size() {
        return resolution + 1;
    }

    /** Cells in the grid: {@code (resolution + 1)^2}. */
    public int cellCount() {
        return size() * size();
    }

    /** Grid spacing, exactly as the contract computes it: {@code (2.0 * bound) / resolution}. */
    public double step() {
        return (2.0 * bound) / resolution;
    }

    /** The squared escape radius {@code zMax * zMax}. */
    public double zMax2() {
        return zMax * zMax;
    }

    /** The same problem with another resolution. */
    public JuliaParams withResolution(int newResolution) {
        return new JuliaParams(newResolution, cRe, cIm, bound, zMax, nMax);
    }

    /** The same problem with another iteration cap. */
    public JuliaParams withNMax(int newNMax) {
        return new JuliaParams(resolution, cRe, cIm, bound, zMax, newNMax);
    }

    @Override
    public String toString() {
        return "resolution=" + resolution + " c=" + c() + " bound=" + bound + " z_max=" + zMax + " n_max=" + nMax;
    }
}
