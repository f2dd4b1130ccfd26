/**
 * {@code akka-cluster} across separate hosts with real faults: each node a JVM in a Linux network
 * namespace of its own on a bridge ({@code BridgedNamespaces}, {@code NamespacedJvm}, the coordinator
 * being {@code arena.strategy.akkacluster.CoordinatorJvmMain}), and the fault tests on them
 * ({@code NamespaceFaultTest}): a worker killed, stopped, cut off or joining mid-run, packet loss, the
 * coordinator killed. They need root, {@code ip} and {@code nft}, and are skipped with the reason
 * printed without them.
 *
 * <p>Imports: the module's own package ({@code WorkerMain}, {@code CoordinatorJvmMain}), core, the
 * JDK, JUnit and AssertJ; the network is driven through the {@code ip}, {@code nft} and shell {@code kill}
 * commands only, and every address it uses is in {@code 10.213.7.0/24}, inside namespaces it made.
 */
package arena.strategy.akkacluster.netns;
