package arena.strategy.akkacluster;

import arena.core.AbstractStrategyProvider;
import arena.core.Capabilities;
import arena.core.Schedule;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.StrategyOption;
import java.util.EnumSet;
import java.util.List;

/**
 * Registers {@code akka-cluster}: Akka Cluster Typed, a coordinator node handing row chunks to
 * worker nodes that may die mid-run. It needs workers, so it runs only when named: option
 * {@code join=host:port} joins a cluster of {@code arena worker} nodes, {@code local-workers=N}
 * starts N worker JVMs on this machine; {@code tls=DIR}, {@code insecure} and
 * {@code fast-failure-detection} say how the nodes talk ({@link NodeOptions}). {@code --threads} is
 * the parallelism per worker node.
 * Supports static, dynamic and guided schedules. Listing it starts nothing. Stateless and
 * thread-safe.
 */
public final class AkkaClusterProvider extends AbstractStrategyProvider {

    /** {@code join=host:port}: a node of a running cluster of {@code arena worker} nodes (once called {@code seed}). */
    static final StrategyOption JOIN = new StrategyOption("join", "HOST:PORT",
            "akka-cluster: join the running cluster of 'arena worker' nodes through this node", List.of("seed"));

    /** {@code local-workers=N}: start N worker JVMs on this machine for the run. */
    static final StrategyOption LOCAL_WORKERS = new StrategyOption("local-workers", "N",
            "akka-cluster: start N worker JVMs on this machine for the run, and stop them afterwards");

    /** {@code tls=DIR}: Artery over TLS with the stores {@code arena keys --out DIR} wrote. */
    static final StrategyOption TLS = new StrategyOption("tls", "DIR",
            "akka-cluster: talk to the workers over TLS with mutual authentication, with the stores made by 'arena keys --out DIR'");

    /** {@code insecure}: plain TCP even when the contact is not on a loopback address. */
    static final StrategyOption INSECURE = StrategyOption.flag("insecure",
            "akka-cluster: allow plain TCP to a contact on a non-loopback address (without it such a run needs --tls DIR)");

    /** {@code fast-failure-detection}: tight failure-detector timings instead of Akka's defaults. */
    static final StrategyOption FAST_FAILURE_DETECTION = StrategyOption.flag("fast-failure-detection",
            "akka-cluster: detect a lost node in about 2 s instead of Akka's defaults (about 5 s, removed after 26 s); "
                    + "for one machine or a quiet network, the same on every node");

    /** The provider; constructing it starts nothing. */
    public AkkaClusterProvider() {
        super("akka-cluster",
                "Akka Cluster Typed: a coordinator hands row chunks to worker nodes over Artery TCP; workers may die mid-run "
                        + "(--threads is per worker node; needs option join or local-workers)",
                new Capabilities(EnumSet.of(Schedule.Kind.STATIC, Schedule.Kind.DYNAMIC, Schedule.Kind.GUIDED), false,
                        StrategyConfig.MAX_THREADS, List.of(JOIN, LOCAL_WORKERS, TLS, INSECURE, FAST_FAILURE_DETECTION)));
    }

    @Override
    public Strategy open(StrategyConfig config) {
        return AkkaClusterStrategy.open(this, config, AkkaClusterStrategy.NO_WORKER_WAIT);
    }
}
