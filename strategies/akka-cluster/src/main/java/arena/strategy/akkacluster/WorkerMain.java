package arena.strategy.akkacluster;

import arena.core.input.InvalidInputException;
import java.io.PrintStream;

/**
 * The entry point of a worker JVM:
 * {@code java -cp ... arena.strategy.akkacluster.WorkerMain --host H --port P --join H:P [--threads T]
 * [--tls DIR | --insecure] [--fast-failure-detection]} (as {@code arena worker}).
 * The {@code local-workers} option starts its workers this way (adding {@code --coordinator-contact}:
 * the contact is the coordinator that owns them, so they keep it as the oldest node and stop when cut
 * off from it). Prints {@code arena worker up at host:port} on standard output once the node is up
 * and registered; SIGTERM (or Ctrl-C) makes it leave the cluster gracefully before the JVM exits.
 * Exit codes: 0 after the node stopped, 1 when it could not start, 2 for bad arguments.
 */
public final class WorkerMain {

    /** The line a worker prints once it is up, followed by its {@code host:port}. */
    public static final String UP_LINE = "arena worker up at ";

    static final String USAGE = "usage: WorkerMain --host H --port P --join H:P [--threads T] [--tls DIR | --insecure] "
            + "[--fast-failure-detection] [--coordinator-contact]";

    private WorkerMain() {
    }

    /** Runs a worker node until it stops; see the class comment. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a worker node until it stops and returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String host = "127.0.0.1";
        int port = 0;
        String contact = null;
        int threads = Runtime.getRuntime().availableProcessors();
        boolean coordinatorContact = false;
        String tls = null;
        boolean insecure = false;
        boolean fast = false;
        WorkerNode node;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--host" -> host = value(args, ++i, "host");
                    case "--port" -> port = number(value(args, ++i, "port"), "port");
                    case "--join" -> contact = value(args, ++i, "join");
                    case "--threads" -> threads = number(value(args, ++i, "threads"), "threads");
                    case "--coordinator-contact" -> coordinatorContact = true;
                    case "--tls" -> tls = value(args, ++i, "tls");
                    case "--insecure" -> insecure = true;
                    case "--fast-failure-detection" -> fast = true;
                    default -> throw new InvalidInputException(args[i], "unknown argument '" + args[i] + "'");
                }
            }
            if (contact == null) {
                throw new InvalidInputException("join", "join is required: host:port of a cluster node, or this node's own");
            }
            NodeOptions options = new NodeOptions(tls == null ? null : TlsStores.load(tls), insecure, fast);
            node = WorkerNode.start(host, port, contact, threads, !coordinatorContact, options, WorkerNode.START_TIMEOUT);
        } catch (InvalidInputException e) {
            err.println("arena worker: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (RuntimeException e) {
            err.println("arena worker: " + e.getMessage());
            return 1;
        }
        WorkerNode started = node;
        Runtime.getRuntime().addShutdownHook(new Thread(started::leave, "arena-akka-cluster-worker-shutdown"));
        out.println(UP_LINE + node.address());
        out.flush();
        node.awaitTermination();
        return 0;
    }

    private static String value(String[] args, int index, String name) {
        if (index >= args.length) {
            throw new InvalidInputException(name, "--" + name + " needs a value");
        }
        return args[index];
    }

    private static int number(String text, String name) {
        return arena.core.input.NumberText.wholeNumber(name, text, 0, Integer.MAX_VALUE);
    }
}
