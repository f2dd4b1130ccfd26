/**
 * Files the project makes for itself: {@link arena.core.io.TemporaryCopy}, a class-path resource
 * copied to a private temporary directory for code that needs a file (a native library to load, a
 * library path to hand to a profiler).
 *
 * <p>Imports: the JDK only. Every other package of the project may import this one; it imports
 * none of them.
 */
package arena.core.io;
