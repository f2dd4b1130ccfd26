/**
 * A JMH benchmark that produces a wrong grid on purpose, compiled into bench's test classes only,
 * so that {@code JmhCommandTest} can show that {@code arena jmh} fails loudly when a benchmark's
 * result does not match the reference. May import {@code arena.bench.jmh} and {@code arena.core}.
 */
package arena.bench.jmhfixture;
