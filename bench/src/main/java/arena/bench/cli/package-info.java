/**
 * The {@code arena} command line, bench's top floor: {@link arena.bench.cli.ArenaCli} (the entry
 * point, exit codes, signals), one class per command ({@code CompareCommand}, {@code VerifyCommand},
 * ...), the option mixins ({@code ProblemOptions}, {@code SelectionOptions}, {@code TimeoutOption},
 * {@link arena.bench.cli.StrategyOptions}, whose options come from the providers), the
 * {@link arena.bench.cli.ExitCode}s, the watchdog behind {@code --timeout} and the progress line.
 * Commands reach the strategy registry through picocli's factory ({@code CommandFactory}), never
 * through {@code ArenaCli}.
 *
 * <p>May import: anything in bench ({@code measure}, {@code report}, {@code jmh}), {@code arena.core}
 * and its packages, a strategy's public entry point where a command runs it directly
 * ({@code arena worker}), picocli and the JDK. Nothing imports this package ({@code LayersTest}
 * checks it).
 */
package arena.bench.cli;
