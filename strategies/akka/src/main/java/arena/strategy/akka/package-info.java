/**
 * The {@code akka} strategy: Akka Typed actors in one JVM. {@link arena.strategy.akka.AkkaProvider}
 * registers it (see {@code META-INF/services}); {@link arena.strategy.akka.AkkaStrategy} owns the actor
 * system and asks its {@code Guardian} for one {@code Coordinator} per run or count, which hands the
 * pieces of its {@code Assignment} ({@code GridAssignment}, {@code CountAssignment}) to a pool of
 * {@code Worker} actors, one per thread. {@code AkkaSettings} builds the system's configuration on top
 * of core's shared {@code arena/core/measured-actor-system.conf}.
 *
 * <p>May import: {@code arena.core} and its subpackages, Akka (actor-typed) and Typesafe Config, the
 * JDK. Must not import: any other strategy (akka-cluster included), {@code arena.bench}. Only the
 * provider and the strategy are public; the actors and their messages are package-private.
 */
package arena.strategy.akka;
