package arena.strategy.akkacluster.scaling;

import arena.strategy.akkacluster.WorkerMain;
import arena.strategy.akkacluster.netns.BridgedNamespaces;
import arena.strategy.akkacluster.netns.DelayingProxyMain;
import arena.strategy.akkacluster.netns.NamespacedJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parts b and c of {@link ScalingMeasurement}, each node a JVM in a network namespace of its own on a
 * bridge ({@link BridgedNamespaces}: {@code coord}, {@code w1} to {@code w3}), the coordinator a
 * {@link CoordinatorProbe} JVM in {@code coord}, Akka's default failure-detector timings.
 *
 * <ul>
 *   <li>b: one worker ({@code --threads 1}) behind a {@link DelayingProxyMain} in its namespace that
 *       holds every piece of data bound for it {@code delay} ms (the worker binds Artery to
 *       {@code 127.0.0.1:25521} and advertises {@code ADDRESS:25520}, where the proxy listens, as in
 *       {@code NamespaceLatencyTest}); a fresh proxy and worker for each delay.</li>
 *   <li>c: three workers, {@code --threads 1} each, worker {@code k} pinned to CPU {@code (k-1) mod 2}
 *       ({@code taskset -a -p -c CPU PID} on every thread of its JVM once it is up; threads it starts
 *       later inherit that); measured with 3 nodes, then the third leaves, 2, then the second, 1. The
 *       coordinator and the proxies are not pinned.</li>
 * </ul>
 * Nothing is left running or made after any outcome. One caller at a time.
 */
final class NamespaceRuns implements AutoCloseable {

    private static final int PORT = 25520;
    private static final int BOUND_PORT = 25521;
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration MEASURE = Duration.ofMinutes(5);

    private final BridgedNamespaces network;
    private final List<NamespacedJvm> running = new ArrayList<>();

    private NamespaceRuns(BridgedNamespaces network) {
        this.network = network;
    }

    /** Makes the namespaces; throws {@link IllegalStateException} with the reason where they cannot be made. */
    static NamespaceRuns open() {
        String reason = BridgedNamespaces.whyUnavailable().orElse(null);
        if (reason != null) {
            throw new IllegalStateException(reason);
        }
        return new NamespaceRuns(BridgedNamespaces.create(List.of("coord", "w1", "w2", "w3")));
    }

    /** Part b: per-chunk overhead with {@code delays} ms added on the hop to one worker, each a fresh worker. */
    List<Sample> overhead(int resolution, int nMax, int grain, List<Integer> delays, int warmUpSeconds, int repeats)
            throws InterruptedException {
        List<Sample> samples = new ArrayList<>();
        for (int delay : delays) {
            String address = network.address("w1");
            NamespacedJvm proxy = start("proxy-" + delay + "ms", "w1", List.of(), DelayingProxyMain.class,
                    List.of(address, Integer.toString(PORT), "127.0.0.1", Integer.toString(BOUND_PORT), Integer.toString(delay)));
            proxy.awaitLine("proxy up"::equals, START);
            NamespacedJvm worker = startWorker("w1", List.of("akka.remote.artery.bind.hostname=127.0.0.1",
                    "akka.remote.artery.bind.port=" + BOUND_PORT));
            samples.addAll(coordinate("b", new Point(1, 1, resolution, nMax, grain, delay), warmUpSeconds, repeats));
            stop(worker);
            stop(proxy);
        }
        return samples;
    }

    /**
     * Part c: speed-up with 3, 2, then 1 pinned worker nodes, one chunk in flight and one thread each;
     * the first point warms up twice as long, its workers being fresh JVMs.
     */
    List<Sample> speedUp(int resolution, int nMax, int grain, int warmUpSeconds, int repeats) throws InterruptedException {
        List<NamespacedJvm> workers = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            NamespacedJvm worker = startWorker("w" + k, List.of());
            pin(worker, (k - 1) % 2);
            workers.add(worker);
        }
        List<Sample> samples = new ArrayList<>();
        for (int nodes = 3; nodes >= 1; nodes--) {
            samples.addAll(coordinate("c", new Point(nodes, 1, resolution, nMax, grain, 0), nodes == 3 ? 2 * warmUpSeconds : warmUpSeconds,
                    repeats));
            stop(workers.get(nodes - 1));
        }
        return samples;
    }

    private NamespacedJvm startWorker(String node, List<String> properties) throws InterruptedException {
        String contact = network.address("w1") + ":" + PORT;
        NamespacedJvm worker = start(node, node, properties, WorkerMain.class,
                List.of("--host", network.address(node), "--port", Integer.toString(PORT), "--join", contact, "--threads", "1"));
        worker.awaitLine(line -> line.startsWith(WorkerMain.UP_LINE), START);
        return worker;
    }

    private List<Sample> coordinate(String part, Point point, int warmUpSeconds, int repeats) throws InterruptedException {
        List<String> args = List.of(part, network.address("w1") + ":" + PORT, Integer.toString(point.nodes()),
                Integer.toString(point.threads()), Integer.toString(point.resolution()), Integer.toString(point.nMax()),
                Integer.toString(point.grain()), Integer.toString(point.delayMs()), Integer.toString(warmUpSeconds), Integer.toString(repeats));
        System.out.println("scaling " + part + ": " + point.label() + " ...");
        NamespacedJvm coordinator = start("coordinator", "coord", List.of(), CoordinatorProbe.class, args);
        String line = coordinator.awaitLine(text -> text.startsWith("samples ") || text.startsWith("failed: "), MEASURE);
        stop(coordinator);
        if (line.startsWith("failed: ")) {
            throw new IllegalStateException("coordinator for " + point.label() + " " + line);
        }
        return Arrays.stream(line.substring("samples ".length()).split(";")).map(Sample::parse).toList();
    }

    private NamespacedJvm start(String name, String node, List<String> properties, Class<?> main, List<String> args) {
        NamespacedJvm jvm = NamespacedJvm.start(name, network.namespace(node), properties, main, args);
        running.add(jvm);
        return jvm;
    }

    private void stop(NamespacedJvm jvm) throws InterruptedException {
        jvm.close();
        running.remove(jvm);
    }

    private static void pin(NamespacedJvm jvm, int cpu) {
        try {
            Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", Integer.toString(cpu), Long.toString(jvm.pid()))
                    .redirectErrorStream(true).start();
            String output = new String(taskset.getInputStream().readAllBytes());
            if (taskset.waitFor() != 0) {
                throw new IllegalStateException("taskset could not pin " + jvm + " to CPU " + cpu + ": " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("taskset could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pinning " + jvm, e);
        }
    }

    /** Stops every JVM still running (latest first), then removes the namespaces; idempotent. */
    @Override
    public void close() throws InterruptedException {
        for (NamespacedJvm jvm : new ArrayList<>(running).reversed()) {
            stop(jvm);
        }
        network.close();
    }
}
