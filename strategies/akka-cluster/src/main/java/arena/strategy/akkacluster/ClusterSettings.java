package arena.strategy.akkacluster;

import akka.actor.Address;
import akka.actor.AddressFromURIString;
import arena.core.input.InvalidInputException;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The configuration of every node of the strategy's cluster, built in code so that no
 * {@code application.conf} on the class path changes what runs: core's shared
 * {@code measured-actor-system.conf} (quiet logging, no JVM shutdown hook, small dispatchers for Akka's
 * internals, the worker dispatcher's template) with the node's own settings on top. Stateless.
 *
 * <ul>
 *   <li>Transport: Artery TCP on the given host and port (0: any free port), or Artery's
 *       {@code tls-tcp} with mutual authentication on the stores of {@code --tls DIR}
 *       ({@link TlsStores}). Plain TCP accepts any peer that can reach the port, so a node on a
 *       non-loopback address refuses it unless {@code --insecure} ({@link NodeOptions}).</li>
 *   <li>Serialization: the project's messages ({@link Protocol.Message}) use
 *       {@link ProtocolSerializer}; Java serialization is off, so a node never instantiates a class a
 *       peer names, and any other application message is refused on both ends.</li>
 *   <li>Downing: the split-brain resolver with {@code keep-oldest}. With {@code downIfAlone} off
 *       (the coordinator is the first node, hence the oldest: {@code local-workers}) the coordinator
 *       survives losing every worker and workers cut off from it down themselves and exit. With
 *       {@code downIfAlone} on ({@code arena worker} clusters, where a worker is the oldest) the
 *       worker cluster survives losing its oldest node or any coordinator; a coordinator that loses
 *       every worker is then the side that goes, which is why coordinators keep their actor system
 *       running when downed ({@code run-coordinated-shutdown-when-down = off}) and fail the run with
 *       a clear error instead. No single setting can give both: a lone coordinator and a crashed
 *       worker set look the same as a network partition, and the resolver keeps one side only.</li>
 *   <li>Logging: as core's shared settings, less the TCP listener's log of a failed bind, which the
 *       node reports in one line instead ({@link QuietTcpListenerFilter}).</li>
 *   <li>Timings: see {@link Timings}.</li>
 * </ul>
 */
final class ClusterSettings {

    /** The actor system name; every node of a cluster must share it, and every thread carries it. */
    static final String SYSTEM_NAME = "arena-akka-cluster";

    /** The config path of the dispatcher a worker node computes chunks on. */
    static final String WORKER_DISPATCHER = "arena-akka-cluster.worker-dispatcher";

    /** Core's settings for an actor system under measurement, shared with the akka strategy. */
    private static final String SHARED = "arena/core/measured-actor-system.conf";

    /** The role of the node that runs {@code compute}. */
    static final String COORDINATOR_ROLE = "coordinator";

    /** The role of the nodes that compute chunks. */
    static final String WORKER_ROLE = "worker";

    private ClusterSettings() {
    }

    /**
     * Failure detection and downing timings. All nodes of a cluster should use the same.
     *
     * <p>{@link #AKKA} is Akka's defaults (heartbeat every second, a 3 s pause accepted, split-brain
     * decisions after 20 s of stability: about 26 s to remove a crashed node), what clusters across
     * machines should use and the default for a node on a non-loopback address or on TLS; raise
     * {@code acceptable-heartbeat-pause} further on virtual machines with long pauses. {@link #FAST}
     * is tight, for one machine or a quiet local network where a peer is either running or not: a
     * killed node is unreachable after about 1.7 s and removed after about 4.3 s; it is the default
     * on a loopback address over plain TCP (one machine: {@code --local-workers} and the tests), as
     * before this release, and {@code --fast-failure-detection} asks for it anywhere. Java system
     * properties ({@code -Dakka.cluster...}) override either.
     */
    enum Timings {
        /** {@code --fast-failure-detection}, and plain TCP on loopback: tests, and clusters on one machine. */
        FAST("""
                akka.cluster {
                  periodic-tasks-initial-delay = 100ms
                  gossip-interval = 200ms
                  leader-actions-interval = 200ms
                  unreachable-nodes-reaper-interval = 200ms
                  retry-unsuccessful-join-after = 1s
                  seed-node-timeout = 2s
                  quarantine-removed-node-after = 1s
                  down-removal-margin = 500ms
                  failure-detector {
                    heartbeat-interval = 200ms
                    acceptable-heartbeat-pause = 1s
                    expected-response-after = 500ms
                  }
                  split-brain-resolver {
                    stable-after = 1s
                    down-all-when-unstable = off
                  }
                  distributed-data { gossip-interval = 200ms, notify-subscribers-interval = 100ms }
                  typed.receptionist {
                    pruning-interval = 1s
                    distributed-data { gossip-interval = 200ms, notify-subscribers-interval = 100ms }
                  }
                }
                """),
        /** Akka's own timings, for real networks: the default off loopback and on TLS. */
        AKKA("");

        private final String config;

        Timings(String config) {
            this.config = config;
        }

        /** {@link #FAST} when asked for or on a loopback {@code host} over plain TCP, else {@link #AKKA}. */
        static Timings of(NodeOptions options, String host) {
            return options.fastFailureDetection() || (options.tls() == null && isLoopback(host)) ? FAST : AKKA;
        }

        private static boolean isLoopback(String host) {
            try {
                return InetAddress.getByName(host).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
    }

    /**
     * The configuration of one node.
     *
     * @param role          {@link #COORDINATOR_ROLE} or {@link #WORKER_ROLE}
     * @param downIfAlone   the split-brain resolver's {@code keep-oldest.down-if-alone}; see the class comment
     * @param workerThreads the size of the worker dispatcher (unused on a coordinator)
     * @param options       the transport and the failure-detector timings
     */
    static Config node(HostPort self, String role, boolean downIfAlone, int workerThreads, NodeOptions options) {
        boolean coordinator = role.equals(COORDINATOR_ROLE);
        ClassLoader loader = ClusterSettings.class.getClassLoader();
        Config shared = ConfigFactory.parseResources(loader, SHARED, ConfigParseOptions.defaults().setAllowMissing(false));
        String text = """
                arena-akka-cluster.worker-dispatcher.thread-pool-executor.fixed-pool-size = %d
                akka {
                  logging-filter = "arena.strategy.akkacluster.QuietTcpListenerFilter"
                  actor {
                    provider = cluster
                    default-dispatcher.fork-join-executor.parallelism-min = 2
                    internal-dispatcher.fork-join-executor.parallelism-min = 2
                    default-blocking-io-dispatcher.shutdown-timeout = 100ms
                  }
                  remote.artery {
                    transport = tcp
                    canonical.hostname = "%s"
                    canonical.port = %d
                  }
                  cluster {
                    roles = ["%s"]
                    jmx.enabled = off
                    log-info = off
                    run-coordinated-shutdown-when-down = %s
                    downing-provider-class = "akka.cluster.sbr.SplitBrainResolverProvider"
                    split-brain-resolver {
                      active-strategy = keep-oldest
                      keep-oldest.down-if-alone = %s
                    }
                  }
                }
                """.formatted(workerThreads, self.host(), self.port(), role, coordinator ? "off" : "on",
                downIfAlone ? "on" : "off");
        Config transport = options.tls() == null ? ConfigFactory.empty() : options.tls().config();
        return transport
                .withFallback(ConfigFactory.parseString(text))
                .withFallback(ConfigFactory.defaultOverrides(loader)) // -Dakka.cluster... over the timings, not over the above
                .withFallback(ConfigFactory.parseString(Timings.of(options, self.host()).config))
                .withFallback(shared.getConfig("worker-dispatcher").atPath(WORKER_DISPATCHER))
                .withFallback(shared.withoutPath("worker-dispatcher"))
                .withFallback(serialization())
                .withFallback(ConfigFactory.defaultReference(loader));
    }

    /** The serialization settings alone: the project's serializer bound, Java serialization off. */
    static Config serialization() {
        return ConfigFactory.parseString("""
                akka.actor {
                  allow-java-serialization = off
                  serializers { arena-akka-cluster = "arena.strategy.akkacluster.ProtocolSerializer" }
                  serialization-bindings { "arena.strategy.akkacluster.Protocol$Message" = arena-akka-cluster }
                }
                """);
    }

    /** The Akka address of the node at {@code node}. */
    static Address address(HostPort node) {
        return AddressFromURIString.parse("akka://" + SYSTEM_NAME + "@" + node);
    }

    /** {@code host:port} of an Akka address. */
    static String hostPort(Address address) {
        String host = address.getHost().orElse("?");
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort().orElse(0);
    }

    /**
     * The local address a coordinator binds to so that the node at {@code contactHost} can reach it:
     * {@code 127.0.0.1} for a loopback contact, else the address of the interface that routes to the
     * contact (found without sending anything).
     *
     * @throws InvalidInputException naming {@code join} when the host cannot be resolved
     */
    static String hostFacing(String contactHost) {
        InetAddress target;
        try {
            target = InetAddress.getByName(contactHost);
        } catch (UnknownHostException e) {
            throw new InvalidInputException("join", "contact host '" + contactHost + "' cannot be resolved");
        }
        if (target.isLoopbackAddress()) {
            return target.getHostAddress();
        }
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(target, 9);
            InetAddress local = probe.getLocalAddress();
            return local.isAnyLocalAddress() ? InetAddress.getLocalHost().getHostAddress() : local.getHostAddress();
        } catch (IOException e) {
            throw new UncheckedIOException("no local address routes to contact host " + contactHost, e);
        }
    }
}
