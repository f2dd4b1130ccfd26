package arena.strategy.akkacluster;

import static org.assertj.core.api.Assertions.assertThat;

import arena.core.testkit.LiveThreads;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The loopback tests' nodes: every one runs with {@code --fast-failure-detection}, so a killed node is
 * unreachable after about 1.7 s rather than Akka's default 5 s or so (the tests' timings were tight
 * before the option existed, and keep them), and how a test's cluster is stopped. Stateless.
 */
final class FastNodes {

    /** Plain TCP on loopback, tight timings. */
    static final NodeOptions FAST = new NodeOptions(null, false, true);

    private FastNodes() {
    }

    /** A worker node on {@code host:port} joining {@code contact}, as {@code arena worker --fast-failure-detection}. */
    static WorkerNode worker(String host, int port, String contact, int threads) {
        return WorkerNode.start(host, port, contact, threads, true, FAST, WorkerNode.START_TIMEOUT);
    }

    /** {@code options} with {@code fast-failure-detection=true} added, for a coordinator. */
    static Map<String, String> fast(Map<String, String> options) {
        Map<String, String> all = new HashMap<>(options);
        all.put("fast-failure-detection", "true");
        return Map.copyOf(all);
    }

    /**
     * Closes the coordinator's strategy, then has each worker leave, last started first (either may
     * be {@code null}: not started), and checks that no thread of any node is left.
     */
    static void stopAll(AkkaClusterStrategy strategy, WorkerNode... workers) throws InterruptedException {
        if (strategy != null) {
            strategy.close();
        }
        for (WorkerNode node : List.of(workers).reversed()) {
            if (node != null) {
                node.leave();
            }
        }
        assertThat(LiveThreads.awaitNone("arena-akka-cluster", Duration.ofSeconds(10)))
                .as("threads of the cluster's nodes after every node stopped")
                .isEmpty();
    }
}
