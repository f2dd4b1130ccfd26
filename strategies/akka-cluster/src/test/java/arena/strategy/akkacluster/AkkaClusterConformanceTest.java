package arena.strategy.akkacluster;

import static org.assertj.core.api.Assertions.assertThat;

import arena.core.Capabilities;
import arena.core.Strategy;
import arena.core.StrategyConfig;
import arena.core.StrategyProvider;
import arena.core.testkit.StrategyConformanceTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@code akka-cluster} through the conformance suite every strategy passes, against a real cluster on
 * loopback: two worker nodes in this JVM (separate actor systems) and, for every thread count the
 * suite opens, a coordinator that joins them with option {@code join}. The fault tests that inject
 * kernel instances are skipped (remote workers know kernels by name); {@link InJvmClusterTest} and
 * {@link LocalWorkersTest} cover this strategy's failures: a remote kernel failure with its cause, a
 * killed worker JVM, every worker gone. Every node runs with {@code --fast-failure-detection}
 * ({@link FastNodes}).
 */
class AkkaClusterConformanceTest extends StrategyConformanceTest {

    private static WorkerNode first;
    private static WorkerNode second;

    @BeforeAll
    static void startWorkers() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        first = FastNodes.worker("127.0.0.1", port, "127.0.0.1:" + port, 2);
        second = FastNodes.worker("127.0.0.1", 0, first.address(), 2);
    }

    @AfterAll
    static void stopWorkers() {
        if (second != null) {
            second.leave();
        }
        if (first != null) {
            first.leave();
        }
    }

    @Override
    protected StrategyProvider provider() {
        return new JoiningProvider(new AkkaClusterProvider(), first.address());
    }

    @Override
    protected Class<? extends StrategyProvider> registeredProviderClass() {
        return AkkaClusterProvider.class;
    }

    @Override
    protected boolean runsGivenKernelInstances() {
        return false;
    }

    /**
     * The workers of this test share the thread prefix and live as long as the class, so the check is
     * on the coordinator: its actor system has terminated once close has returned.
     */
    @Override
    protected void assertNothingLeftRunning(Strategy closed) {
        assertThat(((AkkaClusterStrategy) closed).terminated()).as("the coordinator's actor system terminated").isTrue();
    }

    /** Opens the real provider with option {@code join} pointing at this test's cluster. */
    private record JoiningProvider(StrategyProvider delegate, String contact) implements StrategyProvider {
        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public String description() {
            return delegate.description();
        }

        @Override
        public Capabilities capabilities() {
            return delegate.capabilities();
        }

        @Override
        public Strategy open(StrategyConfig config) {
            return delegate.open(new StrategyConfig(config.threads(), FastNodes.fast(Map.of("join", contact))));
        }
    }
}
