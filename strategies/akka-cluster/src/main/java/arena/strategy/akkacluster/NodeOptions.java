package arena.strategy.akkacluster;

import arena.core.input.InvalidInputException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a node talks to its peers, the same on coordinators and workers: over TLS with the stores of a
 * directory ({@code --tls DIR}), or over plain TCP, which a node on a non-loopback address accepts
 * only when told so ({@code --insecure}); and whether failure detection uses Akka's defaults or the
 * tight timings of {@code --fast-failure-detection} ({@link ClusterSettings.Timings}). Immutable.
 *
 * @param tls                  the stores for Artery's {@code tls-tcp}, or {@code null} for plain TCP
 * @param insecure             whether plain TCP is accepted on a non-loopback address
 * @param fastFailureDetection whether the tight timings replace Akka's defaults
 */
record NodeOptions(TlsStores tls, boolean insecure, boolean fastFailureDetection) {

    /** Plain TCP, on loopback addresses only, with Akka's failure-detector timings. */
    static final NodeOptions DEFAULTS = new NodeOptions(null, false, false);

    /** Refuses TLS and {@code insecure} together. */
    NodeOptions {
        if (tls != null && insecure) {
            throw new InvalidInputException("insecure", "give --tls DIR or --insecure, not both: --insecure turns TLS off");
        }
    }

    /**
     * Reads the options {@code tls}, {@code insecure} and {@code fast-failure-detection} (flags:
     * {@code true} or {@code false}), opening the stores of {@code tls}.
     *
     * @throws InvalidInputException naming the option in one line (see {@link TlsStores#load})
     */
    static NodeOptions from(Map<String, String> options) {
        String tls = options.get("tls");
        boolean insecure = flag(options, "insecure");
        boolean fast = flag(options, "fast-failure-detection");
        return new NodeOptions(tls == null ? null : TlsStores.load(tls), insecure, fast);
    }

    private static boolean flag(Map<String, String> options, String name) {
        String value = options.getOrDefault(name, "false");
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidInputException(name, "--" + name + " is a flag: give it alone (true or false in an options map), got '"
                    + value + "'");
        };
    }

    /**
     * Refuses plain TCP on a node that binds to or joins a non-loopback address (a name that does
     * not resolve counts as one), unless {@link #insecure}.
     *
     * @param hosts the node's own address and its contact's
     * @throws InvalidInputException naming {@code tls}, in one line
     */
    void requireSecureFor(List<String> hosts) {
        if (tls != null || insecure) {
            return;
        }
        for (String host : hosts) {
            if (!isLoopback(host)) {
                throw new InvalidInputException("tls", "the node would talk plain TCP to or on non-loopback address " + host
                        + ", which admits anyone who reaches the port: use --tls DIR (made by arena keys --out DIR), or "
                        + "--insecure on a network you trust");
            }
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The arguments that give a worker JVM ({@link WorkerMain}) these options. */
    List<String> workerArgs() {
        List<String> args = new ArrayList<>();
        if (tls != null) {
            args.addAll(List.of("--tls", tls.directory().toString()));
        }
        if (insecure) {
            args.add("--insecure");
        }
        if (fastFailureDetection) {
            args.add("--fast-failure-detection");
        }
        return args;
    }
}
