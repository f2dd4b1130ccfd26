package arena.strategy.akkacluster.netns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Separate hosts on one machine: a network namespace per node, each with one interface {@code eth0}
 * (a veth) plugged into a bridge that lives in a namespace of its own, so the machine's own networking
 * is never touched. Node {@code k} has address {@code 10.213.7.(10+k)/24}; nodes talk only to those
 * addresses. Every namespace is named {@code arena-<pid>-...} after this JVM; {@link #create} first
 * removes what a killed earlier run left behind (names of that pattern whose pid is dead), and
 * {@link #close} (also run by a JVM shutdown hook) kills whatever still runs inside and deletes them all.
 *
 * <p>Faults: {@link #unplug} takes a node's cable out of the bridge (the bridge-side veth goes down,
 * the node sees no carrier) until {@link #plugIn}; {@link #dropRandomly} makes every node's
 * {@code eth0} drop that share of the packets it receives (nft {@code numgen random}).
 *
 * <p>Threading: one test thread at a time; {@link #close} may also come from the shutdown hook.
 */
public final class BridgedNamespaces implements AutoCloseable {

    /** The first three octets of every node's address. */
    static final String SUBNET = "10.213.7.";

    private static final String PREFIX = "arena-";
    private static final Pattern OURS = Pattern.compile("arena-(\\d+)-[a-z0-9]+");
    private static final String BRIDGE = "br0";
    private static final String LOSS_TABLE = "arena_loss";

    private final String bridgeNamespace;
    private final Map<String, String> namespaces = new LinkedHashMap<>();
    private final Map<String, String> addresses = new LinkedHashMap<>();
    private final Thread shutdownHook = new Thread(this::deleteAll, "arena-netns-cleanup");
    private boolean closed;

    private BridgedNamespaces() {
        bridgeNamespace = namePrefix() + "br";
    }

    /** Why namespaces cannot be made here (not Linux, not root, no {@code ip} or {@code nft}); empty when they can. */
    public static Optional<String> whyUnavailable() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return Optional.of("network namespaces need Linux, this is " + System.getProperty("os.name"));
        }
        Commands.Result id = Commands.attempt("", "id", "-u");
        if (id.exitCode() != 0 || !id.output().strip().equals("0")) {
            return Optional.of("network namespaces need root, this test runs as uid " + id.output().strip());
        }
        for (String[] tool : List.of(new String[] {"ip", "-V"}, new String[] {"nft", "--version"})) {
            Commands.Result result = Commands.attempt("", tool);
            if (result.exitCode() != 0) {
                return Optional.of("'" + tool[0] + "' is not usable (" + result.output().strip()
                        + "); install Debian's iproute2 and nftables");
            }
        }
        return Optional.empty();
    }

    /**
     * Removes what dead earlier runs left, then makes the bridge and one namespace per node, in order.
     *
     * @throws IllegalStateException naming the command that failed, also when a program cannot run
     *                               inside a namespace or nft cannot filter there (everything made so far is removed)
     */
    public static BridgedNamespaces create(List<String> nodes) {
        removeLeftovers();
        BridgedNamespaces network = new BridgedNamespaces();
        Runtime.getRuntime().addShutdownHook(network.shutdownHook);
        try {
            Commands.run("ip", "netns", "add", network.bridgeNamespace);
            network.ipIn(network.bridgeNamespace, "link", "add", BRIDGE, "type", "bridge");
            network.ipIn(network.bridgeNamespace, "link", "set", BRIDGE, "up");
            for (int k = 0; k < nodes.size(); k++) {
                network.addNode(nodes.get(k), SUBNET + (10 + k));
            }
            // what the tests do inside a namespace: run a program there, and filter packets with nft
            String first = network.namespace(nodes.getFirst());
            Commands.run("ip", "netns", "exec", first, "nft", "list", "tables");
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
        return network;
    }

    private void addNode(String node, String address) {
        String namespace = namePrefix() + node;
        Commands.run("ip", "netns", "add", namespace);
        namespaces.put(node, namespace);
        addresses.put(node, address);
        ipIn(bridgeNamespace, "link", "add", cable(node), "type", "veth", "peer", "name", "eth0", "netns", namespace);
        ipIn(bridgeNamespace, "link", "set", cable(node), "master", BRIDGE, "up");
        ipIn(namespace, "link", "set", "lo", "up");
        ipIn(namespace, "address", "add", address + "/24", "dev", "eth0");
        ipIn(namespace, "link", "set", "eth0", "up");
    }

    /** The network namespace of {@code node}. */
    public String namespace(String node) {
        return require(namespaces, node);
    }

    /** The address of {@code node}. */
    public String address(String node) {
        return require(addresses, node);
    }

    /** Cuts {@code node} off from every other node: its cable to the bridge goes down. */
    void unplug(String node) {
        ipIn(bridgeNamespace, "link", "set", cable(require(namespaces, node)), "down");
    }

    /** Undoes {@link #unplug}. */
    void plugIn(String node) {
        ipIn(bridgeNamespace, "link", "set", cable(require(namespaces, node)), "up");
    }

    /** Makes every node drop {@code percent} percent of the packets arriving on {@code eth0}, at random. */
    void dropRandomly(int percent) {
        for (String namespace : namespaces.values()) {
            Commands.runWithInput("""
                    table inet %s {
                      chain input {
                        type filter hook input priority 0; policy accept;
                        iifname "eth0" numgen random mod 100 < %d drop
                      }
                    }
                    """.formatted(LOSS_TABLE, percent), "ip", "netns", "exec", namespace, "nft", "-f", "-");
        }
    }

    /** Undoes {@link #dropRandomly}. */
    void stopDropping() {
        for (String namespace : namespaces.values()) {
            Commands.attempt("", "ip", "netns", "exec", namespace, "nft", "delete", "table", "inet", LOSS_TABLE);
        }
    }

    /** The processes running inside any node's namespace. */
    public List<Long> processesInside() {
        List<Long> pids = new ArrayList<>();
        for (String namespace : namespaces.values()) {
            pidsIn(namespace).forEach(pids::add);
        }
        return pids;
    }

    /** Namespaces named after this JVM that exist now: none once {@link #close} has returned. */
    public static List<String> ofThisJvm() {
        return existing().stream().filter(name -> name.startsWith(namePrefix())).toList();
    }

    /** Kills whatever still runs inside, deletes every namespace (and with them the veths and the bridge); idempotent. */
    @Override
    public void close() {
        deleteAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs or ran deleteAll
        }
    }

    private synchronized void deleteAll() {
        if (closed) {
            return;
        }
        closed = true;
        List<String> all = new ArrayList<>(namespaces.values());
        all.add(bridgeNamespace);
        all.forEach(BridgedNamespaces::delete);
    }

    private static void removeLeftovers() {
        for (String name : existing()) {
            Matcher matcher = OURS.matcher(name);
            if (matcher.matches() && ProcessHandle.of(Long.parseLong(matcher.group(1))).filter(ProcessHandle::isAlive).isEmpty()) {
                System.out.println("netns: removing " + name + ", left behind by a dead run (pid " + matcher.group(1) + ")");
                delete(name);
            }
        }
    }

    private static void delete(String namespace) {
        for (long pid : pidsIn(namespace)) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        for (long pid : pidsIn(namespace)) {
            ProcessHandle.of(pid).ifPresent(process -> process.onExit().join());
        }
        Commands.attempt("", "ip", "netns", "delete", namespace);
    }

    private static List<Long> pidsIn(String namespace) {
        Commands.Result result = Commands.attempt("", "ip", "netns", "pids", namespace);
        if (result.exitCode() != 0) {
            return List.of();
        }
        return result.output().lines().map(String::strip).filter(line -> line.matches("\\d+")).map(Long::parseLong).toList();
    }

    private static List<String> existing() {
        return Commands.run("ip", "netns", "list").lines()
                .map(line -> line.split(" ", 2)[0])
                .filter(name -> name.startsWith(PREFIX))
                .toList();
    }

    private static String namePrefix() {
        return PREFIX + ProcessHandle.current().pid() + "-";
    }

    /** The bridge-side end of a node's veth (inside the bridge's namespace, so no name clashes with the machine's). */
    private static String cable(String nodeOrNamespace) {
        String node = nodeOrNamespace.substring(nodeOrNamespace.lastIndexOf('-') + 1);
        return "v-" + node;
    }

    private void ipIn(String namespace, String... args) {
        List<String> command = new ArrayList<>(List.of("ip", "-n", namespace));
        command.addAll(List.of(args));
        Commands.run(command.toArray(String[]::new));
    }

    private static String require(Map<String, String> map, String node) {
        String value = map.get(node);
        if (value == null) {
            throw new IllegalArgumentException("no node '" + node + "'; nodes: " + map.keySet());
        }
        return value;
    }
}
