package arena.strategy.akkacluster;

import arena.core.input.NumberText;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code arena keys --out DIR}: makes the key material of a TLS cluster for {@code --tls DIR}
 * ({@link ClusterKeys}, {@link TlsStores}) and prints the files it wrote. Never overwrites: a
 * directory that already holds one of the files is bad input naming {@code out} (exit 2), and nothing
 * is changed. Runs on the main thread.
 *
 * <p>Contributed to the command line by {@link KeysCommandProvider}.
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = {"Makes the TLS keys of an akka-cluster cluster for --tls DIR: a CA made for this cluster alone, a node key "
                + "store (PKCS12) holding a key that CA signed, a trust store holding the CA's certificate, the CA's certificate "
                + "(ca.crt) and the stores' password.",
                "The password is random (32 bytes, Base64), written to DIR/password; DIR is made rwx------ and every file "
                        + "rw-------. The CA's private key is discarded once it has signed, so every node of the cluster uses a "
                        + "copy of the same DIR (copy it over a secure channel, e.g. scp -rp). Nodes admit a peer that shows a "
                        + "certificate of this CA, whatever its address (hostname verification is off); a peer with any other "
                        + "certificate is refused. Existing files are never overwritten."})
public final class KeysCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** A command whose options picocli fills in. */
    public KeysCommand() {
    }

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "the directory to write (made if absent)")
    Path out;

    @Option(names = "--name", paramLabel = "HOST", split = ",",
            description = "a host name or IP address the node certificate names (repeatable or comma-separated; "
                    + "default: localhost, 127.0.0.1, ::1 and this machine's name); informational, as hostname "
                    + "verification is off")
    List<String> names;

    @Option(names = "--validity-days", paramLabel = "DAYS", defaultValue = "825",
            description = "how long the certificates are valid, 1 to 36500 days (default: ${DEFAULT-VALUE})")
    String validityDays;

    @Override
    public Integer call() {
        int days = NumberText.wholeNumber("validity-days", validityDays, 1, 36_500);
        List<Path> written = ClusterKeys.write(out, names == null ? defaultNames() : names, days);
        PrintWriter stdout = spec.commandLine().getOut();
        written.forEach(stdout::println);
        stdout.flush();
        return 0;
    }

    /** localhost, the loopback addresses and this machine's host name, when it resolves. */
    static List<String> defaultNames() {
        List<String> names = new ArrayList<>(List.of("localhost", "127.0.0.1", "::1"));
        try {
            String self = InetAddress.getLocalHost().getHostName();
            if (!names.contains(self)) {
                names.add(self);
            }
        } catch (UnknownHostException e) {
            // this machine's name does not resolve: the loopback names alone
        }
        return names;
    }
}
