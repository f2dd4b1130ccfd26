/**
 * Tests of the whole distribution rather than of one layer: {@code LayersTest}, which checks that
 * every package of every module imports only the layers below it (the table in the README's
 * "Layout"). May import anything on bench's test class path.
 */
package arena.bench;
