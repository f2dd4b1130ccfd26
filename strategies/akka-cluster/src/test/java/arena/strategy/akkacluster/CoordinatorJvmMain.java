package arena.strategy.akkacluster;

import arena.core.CountGrid;
import arena.core.Execution;
import arena.core.Schedule;
import arena.core.StrategyConfig;
import arena.core.kernel.Kernels;
import arena.core.problem.JuliaParams;
import java.util.HashMap;
import java.util.Map;

/**
 * A coordinator in a JVM of its own, for tests that run each node in its own network namespace (a
 * thread cannot enter one): {@code CoordinatorJvmMain CONTACT WORKERS RESOLUTION N_MAX [NAME=VALUE...]}
 * opens {@code akka-cluster} with {@code join=CONTACT}, the further provider options given (e.g.
 * {@code tls=DIR}, {@code insecure=true}) and one chunk in flight per worker, waits until
 * {@code WORKERS} workers are registered, computes the seed case at that resolution and n_max with
 * {@code dynamic,1}, and prints, one per line: {@code transport T} (Artery's {@code tcp} or
 * {@code tls-tcp}), {@code timings pause=P} (the failure detector's
 * acceptable heartbeat pause in effect), {@code ready workers=N}, {@code progress chunks=K} as chunks
 * complete, and {@code result sha256=H chunks=K requeued=R by=MAP} at the end; then it closes the
 * strategy and exits 0. Any failure prints {@code failed: ...} and exits 1.
 */
public final class CoordinatorJvmMain {

    private CoordinatorJvmMain() {
    }

    /** Runs one computation as the class comment says. */
    public static void main(String[] args) throws Exception {
        String contact = args[0];
        int workers = Integer.parseInt(args[1]);
        JuliaParams params = JuliaParams.chapterCase().withResolution(Integer.parseInt(args[2])).withNMax(Integer.parseInt(args[3]));
        Map<String, String> options = new HashMap<>(Map.of("join", contact));
        for (int i = 4; i < args.length; i++) {
            options.put(args[i].substring(0, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
        }
        int code = 0;
        try (AkkaClusterStrategy strategy = (AkkaClusterStrategy) new AkkaClusterProvider()
                .open(new StrategyConfig(1, options))) {
            System.out.println("transport " + strategy.coordinatorSystem().settings().config().getString("akka.remote.artery.transport"));
            System.out.println("timings pause=" + strategy.coordinatorSystem().settings().config()
                    .getDuration("akka.cluster.failure-detector.acceptable-heartbeat-pause").toMillis() + "ms");
            while (strategy.status().workers() < workers) {
                Thread.sleep(20);
            }
            System.out.println("ready workers=" + strategy.status().workers());
            Thread progress = Thread.ofPlatform().daemon().start(() -> printProgress(strategy.status()));
            CountGrid grid = strategy.compute(params, new Execution(new Schedule.Dynamic(1), Kernels.reference()));
            progress.interrupt();
            CoordinatorStatus status = strategy.status();
            System.out.println("result sha256=" + grid.sha256() + " chunks=" + status.chunksDone() + " requeued="
                    + status.chunksRequeued() + " by=" + status.chunksByWorker());
        } catch (RuntimeException e) {
            System.out.println("failed: " + e);
            code = 1;
        }
        System.out.flush();
        System.exit(code);
    }

    private static void printProgress(CoordinatorStatus status) {
        int printed = -1;
        while (!Thread.currentThread().isInterrupted()) {
            int done = status.chunksDone();
            if (done != printed) {
                System.out.println("progress chunks=" + done);
                printed = done;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
