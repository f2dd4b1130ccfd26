/**
 * The problem, as values: {@link arena.core.problem.JuliaParams} (a validated record of the grid's
 * resolution, {@code c}, bound, escape radius and {@code n_max}, with the chapter's case) and
 * {@link arena.core.problem.Complex}. Immutable; safe from any thread.
 *
 * <p>Imports: the JDK and {@code arena.core.input} (to refuse bad parameters); never
 * {@code arena.core.concurrent}, {@code arena.core.kernel} or {@code arena.core}, which all take the
 * problem as their input and so sit above it.
 */
package arena.core.problem;
