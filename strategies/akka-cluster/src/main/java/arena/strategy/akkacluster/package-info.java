/**
 * The {@code akka-cluster} strategy: the grid computed on worker nodes of an Akka Cluster over Artery
 * TCP. {@link arena.strategy.akkacluster.AkkaClusterProvider} registers it and declares its options
 * ({@code ClusterOptions}); {@link arena.strategy.akkacluster.AkkaClusterStrategy} runs a coordinator
 * node ({@code CoordinatorNode}, whose {@code Coordinator} actor drives one {@code Run}, a
 * {@code GridRun} or a {@code CountRun}, handing out chunks through a {@code ChunkBook}); worker
 * nodes ({@code WorkerNode}, {@code WorkerMain} for {@code arena worker}, {@code LocalWorkers} for
 * worker JVMs started by the strategy) run a {@code ChunkWorker}. Only the {@code Protocol}'s records
 * cross the network, written by {@code ProtocolSerializer}; {@code ClusterSettings} builds every node's
 * configuration on top of core's shared {@code arena/core/measured-actor-system.conf}, with
 * {@code QuietTcpListenerFilter} as its logging filter. How nodes talk is {@code NodeOptions}: Artery
 * over TLS with the stores of {@code TlsStores}, which {@code arena keys} ({@code KeysCommand},
 * {@code ClusterKeys}) writes, or plain TCP, refused off loopback without {@code --insecure}; and the
 * failure-detector timings ({@code --fast-failure-detection}).
 *
 * <p>May import: {@code arena.core} and its subpackages, Akka (actor-typed, cluster-typed, remote,
 * slf4j) and Typesafe Config, the JDK. Must not import: any other strategy (the in-JVM {@code akka} strategy
 * included), {@code arena.bench}.
 */
package arena.strategy.akkacluster;
