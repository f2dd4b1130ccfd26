package arena.strategy.akkacluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * Key directories made once per test JVM by {@code arena keys} with the real keytool, as each takes a
 * few seconds: the cluster's (with {@link #NAMES}), and one of another CA for a node that must be
 * refused. Deleted when the JVM exits. Thread-safe.
 */
final class TestKeys {

    /** The {@code --name}s of the cluster's keys: the loopback ones its nodes use, and two of other hosts. */
    static final List<String> NAMES = List.of("localhost", "127.0.0.1", "::1", "node-b.example", "10.0.0.7");

    private static Path root;
    private static Path cluster;
    private static Path otherCa;

    private TestKeys() {
    }

    /** The keys of the tests' TLS cluster. */
    static synchronized Path cluster() {
        if (cluster == null) {
            cluster = make("cluster");
        }
        return cluster;
    }

    /** Keys of another CA than {@link #cluster()}'s. */
    static synchronized Path otherCa() {
        if (otherCa == null) {
            otherCa = make("other-ca");
        }
        return otherCa;
    }

    /** A copy of the cluster's keys, to break, in a directory of its own. */
    static Path copyOfCluster(String name) {
        try {
            Path copy = Files.createDirectory(root().resolve(name));
            for (String file : TlsStores.FILES) {
                Files.copy(cluster().resolve(file), copy.resolve(file));
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path make(String name) {
        Path dir = root().resolve(name);
        int code = new CommandLine(new KeysCommand()).execute("--out", dir.toString(), "--name", String.join(",", NAMES),
                "--validity-days", "2");
        if (code != 0) {
            throw new IllegalStateException("arena keys --out " + dir + " exited with " + code);
        }
        return dir;
    }

    private static synchronized Path root() {
        if (root == null) {
            try {
                root = Files.createTempDirectory("arena-test-keys-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path made = root;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(made), "arena-test-keys-cleanup"));
        }
        return root;
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort at exit
        }
    }
}
