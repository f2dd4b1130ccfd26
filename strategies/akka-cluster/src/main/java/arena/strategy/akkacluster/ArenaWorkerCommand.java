package arena.strategy.akkacluster;

import arena.core.StrategyConfig;
import arena.core.input.InvalidInputException;
import arena.core.input.NumberText;
import java.io.PrintWriter;
import java.net.BindException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code arena worker}: runs one worker node of the {@code akka-cluster} strategy until it is
 * stopped; SIGTERM or Ctrl-C makes it leave the cluster gracefully. Binds to 127.0.0.1 unless a host
 * is given; a non-loopback host or contact needs {@code --tls DIR} or {@code --insecure}
 * ({@link NodeOptions}), and a missing or wrong TLS directory is bad input naming {@code tls}, checked
 * before the node starts. Runs on the main thread; the node's actor system runs its own threads.
 *
 * <p>A node that cannot bind (the port is in use, or the host is not an address of this machine) is
 * bad input: one line naming {@code --port} or {@code --host}, exit 2; the actor system that failed
 * to start has shut itself down by then.
 *
 * <p>Contributed to the command line by {@link WorkerCommandProvider}, so the command line does not
 * compile against this module; it gives the command its {@code --version}.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Runs a worker node of the akka-cluster strategy until stopped (SIGTERM leaves the cluster gracefully).")
public final class ArenaWorkerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** A command whose options picocli fills in. */
    public ArenaWorkerCommand() {
    }

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1", description = "address to bind (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0", description = "port to bind, 0 for any free one (default: ${DEFAULT-VALUE})")
    String port;

    @Option(names = "--join", paramLabel = "HOST:PORT",
            description = "a node of the cluster to join (required); the first worker names its own host:port")
    String join;

    @Option(names = "--seed", paramLabel = "HOST:PORT", hidden = true, description = "deprecated: use --join")
    String seed;

    @Option(names = "--threads", paramLabel = "T", description = "chunks computed at once on this node (default: the machine's cores)")
    String threads;

    @Option(names = "--tls", paramLabel = "DIR",
            description = "talk to the other nodes over TLS with mutual authentication, with the stores made by 'arena keys --out DIR'")
    String tls;

    @Option(names = "--insecure", description = "allow plain TCP on a non-loopback --host or --join (without it they need --tls DIR)")
    boolean insecure;

    @Option(names = "--fast-failure-detection",
            description = "detect a lost node in about 2 s instead of Akka's defaults (about 5 s, removed after 26 s); "
                    + "give it to every node of the cluster or none")
    boolean fastFailureDetection;

    @Override
    public Integer call() {
        String contact = contact();
        int portNumber = NumberText.wholeNumber("port", port, 0, 65535);
        int workers = threads == null ? Runtime.getRuntime().availableProcessors()
                : NumberText.wholeNumber("threads", threads, 1, StrategyConfig.MAX_THREADS);
        NodeOptions options = new NodeOptions(tls == null ? null : TlsStores.load(tls), insecure, fastFailureDetection);
        WorkerNode node;
        try {
            node = WorkerNode.start(host, portNumber, contact, workers, true, options, WorkerNode.START_TIMEOUT);
        } catch (IllegalStateException e) {
            throw bindFailure(e, host, portNumber).orElseThrow(() -> e);
        }
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("arena-akka-cluster-worker-leave").unstarted(node::leave));
        PrintWriter out = spec.commandLine().getOut();
        out.println(WorkerMain.UP_LINE + node.address());
        out.flush();
        node.awaitTermination();
        return 0;
    }

    /** The node to join: {@code --join}, or its deprecated spelling {@code --seed} with a warning. */
    private String contact() {
        if (join != null && seed != null) {
            throw new InvalidInputException("join", "give --join or its deprecated spelling --seed, not both");
        }
        if (seed != null) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("arena: --seed is deprecated, use --join; --seed will be removed in the next release");
            err.flush();
            return seed;
        }
        if (join == null) {
            throw new InvalidInputException("join", "--join HOST:PORT is required: a node of the cluster, or this node's own address");
        }
        return join;
    }

    /** The bad input behind a failed start, when the cause is that the node could not bind. */
    static Optional<InvalidInputException> bindFailure(Throwable failure, String host, int port) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof BindException || message.contains("BindException") || message.contains("Failed to bind")) {
                String reason = message.replaceAll("(?s).*BindException:\\s*(\\[[^]]*]\\s*)?", "").strip();
                if (reason.contains("in use")) {
                    return Optional.of(new InvalidInputException("port", "port " + port + " on " + host
                            + " is already in use; choose a free port, or 0 for any free one"));
                }
                return Optional.of(new InvalidInputException("host", "host " + host + " cannot be bound (" + reason
                        + "); give an address of this machine, e.g. 127.0.0.1"));
            }
        }
        return Optional.empty();
    }
}
