/**
 * The picture of a grid: {@link arena.bench.report.render.JuliaPicture} turns escape counts into a
 * PNG, the Cython chapter's image, with Java2D and ImageIO, headless.
 *
 * <p>May import: {@code arena.core} (the grid) and the JDK. Must not import: any other
 * {@code arena.bench} package, nor {@code arena.bench.report.chart}.
 */
package arena.bench.report.render;
