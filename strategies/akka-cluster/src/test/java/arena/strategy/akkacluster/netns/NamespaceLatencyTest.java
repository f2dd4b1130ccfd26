package arena.strategy.akkacluster.netns;

import arena.strategy.akkacluster.CoordinatorJvmMain;
import arena.strategy.akkacluster.KeysCommand;
import arena.strategy.akkacluster.WorkerMain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * {@code akka-cluster} across network namespaces with latency added ({@code tc netem} is not in every
 * kernel, so a forwarder does it): each of two workers binds Artery to {@code 127.0.0.1:25521} inside
 * its namespace ({@code akka.remote.artery.bind.*}) while advertising {@code ADDRESS:25520}, where a
 * {@link DelayingProxyMain} in the same namespace holds every piece of data {@value #DELAY_MS} ms
 * before passing it on. So every message to a worker crosses a hop with that much added; replies go
 * straight to the coordinator. The proxies measure what they added; the test prints it (measured, not
 * promised), checks it is at least {@value #DELAY_MS} ms, and that the grid is {@code sequential}'s.
 * Every node talks TLS with the stores {@code arena keys} made ({@code --tls DIR}: the forwarders pass
 * the encrypted bytes on), and runs with {@code --fast-failure-detection} and
 * {@link NamespaceFaultTest#TIGHT_TIMINGS}; skipped as that class is.
 */
class NamespaceLatencyTest {

    static final int DELAY_MS = 1;

    private static final int PORT = 25520;
    private static final int BOUND_PORT = 25521;
    private static final Duration START = Duration.ofSeconds(60);
    private static final Pattern HELD = Pattern.compile("proxy held (\\d+) pieces, min ([0-9.]+) ms, max ([0-9.]+) ms");

    @Test
    void oneMsAddedOnEveryHopToAWorker_overTls_isMeasured_andTheGridIsSequentials(@TempDir Path tmp) throws Exception {
        String reason = BridgedNamespaces.whyUnavailable().orElse(null);
        BridgedNamespaces network = null;
        if (reason == null) {
            try {
                network = BridgedNamespaces.create(List.of("coord", "w1", "w2"));
            } catch (IllegalStateException e) {
                reason = "network namespaces cannot be made here: " + e.getMessage();
            }
        }
        if (reason != null) {
            System.out.println("NamespaceLatencyTest skipped: " + reason);
            abort(reason);
        }
        List<NamespacedJvm> jvms = new ArrayList<>();
        String keys = tmp.resolve("keys").toString();
        assertThat(new CommandLine(new KeysCommand()).execute("--out", keys, "--name", "arena-netns")).as("arena keys").isZero();
        try {
            SeededProblem problem = SeededProblem.draw("1 ms latency", 400, 3000);
            CompletableFuture<String> expected = CompletableFuture.supplyAsync(problem::sequentialSha256);
            List<NamespacedJvm> proxies = new ArrayList<>();
            List<NamespacedJvm> workers = new ArrayList<>();
            String contact = network.address("w1") + ":" + PORT;
            for (String node : List.of("w1", "w2")) {
                NamespacedJvm proxy = NamespacedJvm.start("proxy-" + node, network.namespace(node), List.of(), DelayingProxyMain.class,
                        List.of(network.address(node), Integer.toString(PORT), "127.0.0.1", Integer.toString(BOUND_PORT),
                                Integer.toString(DELAY_MS)));
                jvms.add(proxy);
                proxies.add(proxy);
                proxy.awaitLine(line -> line.equals("proxy up"), START);
                List<String> properties = new ArrayList<>(NamespaceFaultTest.TIGHT_TIMINGS);
                properties.addAll(List.of("akka.remote.artery.bind.hostname=127.0.0.1", "akka.remote.artery.bind.port=" + BOUND_PORT));
                NamespacedJvm worker = NamespacedJvm.start(node, network.namespace(node), properties, WorkerMain.class,
                        List.of("--host", network.address(node), "--port", Integer.toString(PORT), "--join", contact, "--threads", "1", "--tls", keys,
                                "--fast-failure-detection"));
                jvms.add(worker);
                workers.add(worker);
                worker.awaitLine(line -> line.startsWith(WorkerMain.UP_LINE), START);
            }
            List<String> args = new ArrayList<>(List.of(contact, "2"));
            args.addAll(problem.coordinatorArgs());
            args.addAll(List.of("tls=" + keys, "fast-failure-detection=true"));
            NamespacedJvm coordinator = NamespacedJvm.start("coordinator", network.namespace("coord"), NamespaceFaultTest.TIGHT_TIMINGS,
                    CoordinatorJvmMain.class, args);
            jvms.add(coordinator);
            assertThat(coordinator.awaitLine(line -> line.startsWith("transport "), START)).isEqualTo("transport tls-tcp");

            CoordinatorResult result = CoordinatorResult.awaitFrom(coordinator, Duration.ofSeconds(120));

            assertThat(result.sha256()).as("the grid's SHA-256").isEqualTo(expected.join());
            assertThat(result.chunks()).as("chunks taken into the grid, each once").isEqualTo(problem.rows());
            Thread.sleep(1_500);
            for (NamespacedJvm proxy : proxies) {
                String held = proxy.lastLine(HELD.asPredicate()).orElseThrow(() -> new AssertionError(proxy + " passed nothing on"));
                System.out.println("netns latency: " + proxy + ": " + held);
                Matcher matcher = HELD.matcher(held);
                assertThat(matcher.matches()).isTrue();
                assertThat(Double.parseDouble(matcher.group(2))).as("the least latency " + proxy + " added, ms")
                        .isGreaterThanOrEqualTo(DELAY_MS);
            }
        } finally {
            for (NamespacedJvm jvm : jvms.reversed()) {
                jvm.close();
            }
            assertThat(network.processesInside()).as("processes left in the namespaces").isEmpty();
            network.close();
            assertThat(BridgedNamespaces.ofThisJvm()).as("namespaces left").isEmpty();
        }
    }
}
