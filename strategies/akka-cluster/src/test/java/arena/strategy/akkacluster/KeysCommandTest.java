package arena.strategy.akkacluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import arena.core.CommandProvider;
import arena.core.input.InvalidInputException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code arena keys --out DIR} with the JDK's real keytool: what it writes (a node key store whose
 * certificate the CA in the trust store signed, for the names given; a password that opens both),
 * owner-only permissions, and that it never overwrites. The directory checked is the one the other
 * TLS tests use ({@link TestKeys#cluster()}), as keytool takes a few seconds.
 */
class KeysCommandTest {

    @TempDir
    static Path tmp;

    private static Path keys;

    @BeforeAll
    static void makeKeys() {
        keys = TestKeys.cluster();
    }

    @Test
    void serviceLoader_findsTheKeysCommand() {
        assertThat(CommandProvider.discover().stream().map(CommandProvider::command)).hasAtLeastOneElementOfType(KeysCommand.class);
    }

    @Test
    void keys_writeANodeStoreSignedByTheCaOfTheTrustStore_forTheNamesGiven() throws Exception {
        TlsStores stores = TlsStores.load(keys.toString());
        KeyStore node = open(keys.resolve(TlsStores.NODE_STORE), stores.password());
        KeyStore trust = open(keys.resolve(TlsStores.TRUST_STORE), stores.password());

        Certificate[] chain = node.getCertificateChain("node");
        X509Certificate ca = (X509Certificate) trust.getCertificate("ca");
        assertThat(node.isKeyEntry("node")).as("the node's private key").isTrue();
        chain[0].verify(ca.getPublicKey());
        List<String> names = ((X509Certificate) chain[0]).getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))).toList();
        assertThat(names).containsExactlyInAnyOrder("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1", "node-b.example", "10.0.0.7");
        assertThat(ca.getBasicConstraints()).as("the CA's path length").isZero();
        assertThat(trust.isKeyEntry("ca")).as("the trust store holds no key").isFalse();
        assertThat(stores.password()).as("the random password").hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void keysAndPassword_areReadableByTheirOwnerOnly() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).as("the directory").isEqualTo("rwx------");
        for (String file : TlsStores.FILES) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(file)))).as(file).isEqualTo("rw-------");
        }
        try (var files = Files.list(keys)) {
            assertThat(files.map(path -> path.getFileName().toString())).as("files left: no scratch, no CA key")
                    .containsExactlyInAnyOrderElementsOf(TlsStores.FILES);
        }
    }

    @Test
    void keysTwiceIntoTheSameDirectory_isBadInputNamingOut_andChangesNothing() throws Exception {
        Map<String, byte[]> before = contents(keys);
        KeysCommand again = new KeysCommand();
        new CommandLine(again).parseArgs("--out", keys.toString());

        assertThatThrownBy(again::call).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.parameter()).isEqualTo("out");
            assertThat(e.getMessage()).contains(keys.toString()).contains("never overwrites").doesNotContain("\n");
        });
        Map<String, byte[]> after = contents(keys);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((file, bytes) -> assertThat(after.get(file)).as(file).isEqualTo(bytes));
    }

    @Test
    void aDirectoryHoldingAnyOneOfTheFiles_isRefusedNamingIt_andKeepsIt() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("one-file"));
        Files.writeString(dir.resolve(TlsStores.PASSWORD_FILE), "mine\n");
        KeysCommand command = new KeysCommand();
        new CommandLine(command).parseArgs("--out", dir.toString());

        assertThatThrownBy(command::call).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.getMessage()).contains(dir.resolve(TlsStores.PASSWORD_FILE).toString()));
        assertThat(Files.readString(dir.resolve(TlsStores.PASSWORD_FILE))).isEqualTo("mine\n");
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }

    private static KeyStore open(Path file, String password) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            return store;
        }
    }

    private static Map<String, byte[]> contents(Path dir) throws Exception {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        try (var files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                contents.put(file.getFileName().toString() + " " + Files.getLastModifiedTime(file)
                        + " " + PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), Files.readAllBytes(file));
            }
        }
        contents.put(". " + PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)), new byte[0]);
        return contents;
    }
}
