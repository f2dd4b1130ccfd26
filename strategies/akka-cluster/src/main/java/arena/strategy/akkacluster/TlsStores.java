package arena.strategy.akkacluster;

import arena.core.input.InvalidInputException;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Collections;
import java.util.List;

/**
 * The key material of a TLS cluster, as {@code arena keys --out DIR} writes it: {@value #NODE_STORE}
 * (the node's private key and certificate, signed by the cluster's own CA), {@value #TRUST_STORE} (that
 * CA's certificate alone) and {@value #PASSWORD_FILE} (the one password of both stores and of the key),
 * all PKCS12 and readable by their owner only. {@link #load} checks that both stores open with the
 * password before any actor system starts; {@link #config()} is Artery's {@code tls-tcp} transport with
 * mutual authentication on those stores. Immutable.
 *
 * <p>The trust is the CA: a peer is admitted when it shows a certificate that CA signed, and refused
 * otherwise, whatever its address. Hostname verification is off, since every node of a cluster
 * shares one certificate and nodes reach each other by the addresses they advertise, which need not
 * be among the certificate's names; the CA's key is discarded once the node certificate is signed, so
 * no other certificate can be made for it.
 *
 * @param directory the directory holding the files
 * @param password  the password of both stores and the key
 */
record TlsStores(Path directory, String password) {

    /** The node's key store: its private key and certificate chain. */
    static final String NODE_STORE = "node.p12";

    /** The trust store: the cluster CA's certificate. */
    static final String TRUST_STORE = "trust.p12";

    /** The password of both stores and the key, one line. */
    static final String PASSWORD_FILE = "password";

    /** The CA's certificate in PEM, for inspection. */
    static final String CA_CERTIFICATE = "ca.crt";

    /** Every file {@code arena keys} writes. */
    static final List<String> FILES = List.of(NODE_STORE, TRUST_STORE, PASSWORD_FILE, CA_CERTIFICATE);

    /** TLS 1.3 alone, with its AES-GCM suites. */
    private static final List<String> CIPHER_SUITES = List.of("TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256");

    /**
     * Reads the password and opens both stores with it.
     *
     * @param directory the {@code --tls} value
     * @throws InvalidInputException naming {@code tls}, in one line, when the directory, a store or the
     *                               password file is missing or unreadable, a store does not open with the
     *                               password, or the node store holds no private key
     */
    static TlsStores load(String directory) {
        Path dir = Path.of(directory).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw bad("directory " + dir + " does not exist; make one with: arena keys --out " + directory);
        }
        for (String file : List.of(NODE_STORE, TRUST_STORE, PASSWORD_FILE)) {
            if (!Files.isRegularFile(dir.resolve(file))) {
                throw bad("file " + dir.resolve(file) + " is missing; --tls takes a directory written by arena keys --out DIR");
            }
        }
        String password;
        try {
            password = Files.readString(dir.resolve(PASSWORD_FILE), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw bad("password file " + dir.resolve(PASSWORD_FILE) + " cannot be read (" + e.getMessage() + ")");
        }
        KeyStore node = open(dir.resolve(NODE_STORE), password);
        open(dir.resolve(TRUST_STORE), password);
        try {
            if (Collections.list(node.aliases()).stream().noneMatch(alias -> isKey(node, alias))) {
                throw bad("store " + dir.resolve(NODE_STORE) + " holds no private key; --tls takes a directory written by arena keys");
            }
            for (String alias : Collections.list(node.aliases())) {
                if (node.isKeyEntry(alias)) {
                    node.getKey(alias, password.toCharArray());
                }
            }
        } catch (UnrecoverableKeyException e) {
            throw bad("key in " + dir.resolve(NODE_STORE) + " does not open with the password in " + dir.resolve(PASSWORD_FILE));
        } catch (GeneralSecurityException e) {
            throw bad("store " + dir.resolve(NODE_STORE) + " cannot be read (" + e.getMessage() + ")");
        }
        return new TlsStores(dir, password);
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static KeyStore open(Path file, String password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            return store;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw bad("store " + file + " does not open with the password in " + file.resolveSibling(PASSWORD_FILE) + " (wrong password)");
            }
            throw bad("store " + file + " cannot be read as a PKCS12 key store (" + e.getMessage() + ")");
        } catch (GeneralSecurityException e) {
            throw bad("store " + file + " cannot be read as a PKCS12 key store (" + e.getMessage() + ")");
        }
    }

    private static InvalidInputException bad(String message) {
        return new InvalidInputException("tls", "tls " + message.replaceAll("\\s+", " "));
    }

    /** Artery over TLS ({@code tls-tcp}) with mutual authentication on these stores; see the class comment. */
    Config config() {
        String engine = "akka.remote.artery.ssl.config-ssl-engine.";
        return ConfigFactory.empty()
                .withValue("akka.remote.artery.transport", ConfigValueFactory.fromAnyRef("tls-tcp"))
                .withValue("akka.remote.artery.ssl.ssl-engine-provider", ConfigValueFactory.fromAnyRef("akka.remote.artery.tcp.ConfigSSLEngineProvider"))
                .withValue(engine + "key-store", ConfigValueFactory.fromAnyRef(directory.resolve(NODE_STORE).toString()))
                .withValue(engine + "trust-store", ConfigValueFactory.fromAnyRef(directory.resolve(TRUST_STORE).toString()))
                .withValue(engine + "key-store-password", ConfigValueFactory.fromAnyRef(password))
                .withValue(engine + "key-password", ConfigValueFactory.fromAnyRef(password))
                .withValue(engine + "trust-store-password", ConfigValueFactory.fromAnyRef(password))
                .withValue(engine + "protocol", ConfigValueFactory.fromAnyRef("TLSv1.3"))
                .withValue(engine + "enabled-algorithms", ConfigValueFactory.fromIterable(CIPHER_SUITES))
                .withValue(engine + "require-mutual-authentication", ConfigValueFactory.fromAnyRef(true))
                .withValue(engine + "hostname-verification", ConfigValueFactory.fromAnyRef(false));
    }

    /** Without the password, which must not reach a log. */
    @Override
    public String toString() {
        return "TlsStores[" + directory + "]";
    }
}
