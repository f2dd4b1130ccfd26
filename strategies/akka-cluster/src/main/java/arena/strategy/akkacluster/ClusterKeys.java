package arena.strategy.akkacluster;

import arena.core.input.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Writes the key material of a TLS cluster ({@link TlsStores}) into a directory with the JDK's
 * {@code keytool} (from {@code java.home}): a CA made for this cluster alone (EC P-256), a node key
 * store holding a key whose certificate that CA signed for the given names, a trust store holding the
 * CA's certificate, the CA's certificate in PEM, and a random password (32 bytes from
 * {@link SecureRandom}, Base64) for both stores and the key. The CA's private key exists only in a
 * scratch directory and is deleted with it, so the node certificate is the only one the CA ever
 * signs: every node of the cluster uses the same directory.
 *
 * <p>It never overwrites: an existing file of those names is bad input, before anything is written;
 * a file that appears meanwhile makes it fail, leaving what was there. The directory is made
 * {@code rwx------} and every file {@code rw-------}. Stateless; the calling thread runs keytool.
 */
final class ClusterKeys {

    /** How long the node certificate is valid, in days, unless told otherwise. */
    static final int DEFAULT_VALIDITY_DAYS = 825;

    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final String PASSWORD_VARIABLE = "ARENA_KEYS_PASSWORD";
    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

    private ClusterKeys() {
    }

    /**
     * Writes the files of {@link TlsStores#FILES} into {@code directory} (made if absent).
     *
     * @param names        the host names and IP addresses the node certificate names (its subject
     *                     alternative names)
     * @param validityDays how long the certificates are valid
     * @return the files written
     * @throws InvalidInputException naming {@code out} when {@code directory} is a file or already holds
     *                               one of the files, naming {@code name} for a name that is blank or
     *                               has a comma
     * @throws IllegalStateException when keytool is missing or fails, with its output
     */
    static List<Path> write(Path directory, List<String> names, int validityDays) {
        Path dir = directory.toAbsolutePath().normalize();
        requireFree(dir);
        List<String> san = new ArrayList<>();
        for (String name : names) {
            String n = name.strip();
            if (n.isEmpty() || n.contains(",") || n.chars().anyMatch(Character::isWhitespace)) {
                throw new InvalidInputException("name", "name must be a host name or an IP address, got '" + name + "'");
            }
            san.add((n.matches("[0-9.]+") || n.contains(":") ? "ip:" : "dns:") + n);
        }
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new IllegalStateException("arena keys needs the JDK's keytool, which is not at " + keytool
                    + "; run arena with a full JDK");
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, OWNER_DIRECTORY);
            Path scratch = Files.createTempDirectory(dir, ".arena-keys-", PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
            try {
                new Keytool(keytool, scratch, password).make(String.join(",", san), validityDays);
                return moveIn(scratch, dir, password);
            } finally {
                deleteTree(scratch);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the keys into " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Refuses a directory that is a file or holds one of the files. */
    private static void requireFree(Path dir) {
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir)) {
            throw new InvalidInputException("out", "out " + dir + " exists and is not a directory; give a new or empty directory");
        }
        for (String file : TlsStores.FILES) {
            if (Files.exists(dir.resolve(file), LinkOption.NOFOLLOW_LINKS)) {
                throw new InvalidInputException("out", "out " + dir.resolve(file) + " exists; arena keys never overwrites: "
                        + "give a new or empty directory");
            }
        }
    }

    /** Moves the stores and the CA certificate in, then writes the password; none replaces a file. */
    private static List<Path> moveIn(Path scratch, Path dir, String password) throws IOException {
        List<Path> written = new ArrayList<>();
        try {
            for (String file : List.of(TlsStores.NODE_STORE, TlsStores.TRUST_STORE, TlsStores.CA_CERTIFICATE)) {
                Files.setPosixFilePermissions(scratch.resolve(file), OWNER_FILE);
                written.add(Files.move(scratch.resolve(file), dir.resolve(file)));
            }
            Path passwordFile = Files.createFile(dir.resolve(TlsStores.PASSWORD_FILE), PosixFilePermissions.asFileAttribute(OWNER_FILE));
            written.add(passwordFile);
            Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
            return written;
        } catch (FileAlreadyExistsException e) {
            for (Path file : written) {
                Files.deleteIfExists(file);
            }
            throw new InvalidInputException("out", "out " + e.getFile() + " appeared while the keys were made; arena keys never "
                    + "overwrites: give a new or empty directory");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * The keytool runs, in {@code scratch}, with the password passed in the environment (never in
     * arguments), each a short JVM started with the quick compiler and the serial collector.
     */
    private record Keytool(Path keytool, Path scratch, String password) {

        void make(String subjectAlternativeNames, int validityDays) {
            String days = Integer.toString(validityDays);
            run("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=arena-akka-cluster CA",
                    "-ext", "bc:c=ca:true,pathlen:0", "-ext", "ku:c=keyCertSign,cRLSign", "-validity", days,
                    "-keystore", "ca.p12", "-storetype", "PKCS12", "-storepass:env", PASSWORD_VARIABLE);
            run("-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-storepass:env", PASSWORD_VARIABLE,
                    "-file", TlsStores.CA_CERTIFICATE);
            run("-genkeypair", "-alias", "node", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=arena-akka-cluster node",
                    "-validity", days, "-keystore", TlsStores.NODE_STORE, "-storetype", "PKCS12", "-storepass:env", PASSWORD_VARIABLE);
            run("-certreq", "-alias", "node", "-keystore", TlsStores.NODE_STORE, "-storepass:env", PASSWORD_VARIABLE, "-file", "node.csr");
            List<String> sign = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", "ca", "-keystore", "ca.p12",
                    "-storepass:env", PASSWORD_VARIABLE, "-infile", "node.csr", "-outfile", "node.crt", "-validity", days,
                    "-ext", "ku:c=digitalSignature", "-ext", "eku=serverAuth,clientAuth"));
            if (!subjectAlternativeNames.isEmpty()) {
                sign.addAll(List.of("-ext", "san=" + subjectAlternativeNames));
            }
            run(sign.toArray(String[]::new));
            run("-importcert", "-noprompt", "-alias", "ca", "-file", TlsStores.CA_CERTIFICATE, "-keystore", TlsStores.NODE_STORE,
                    "-storepass:env", PASSWORD_VARIABLE);
            run("-importcert", "-noprompt", "-alias", "node", "-file", "node.crt", "-keystore", TlsStores.NODE_STORE,
                    "-storepass:env", PASSWORD_VARIABLE);
            run("-importcert", "-noprompt", "-alias", "ca", "-file", TlsStores.CA_CERTIFICATE, "-keystore", TlsStores.TRUST_STORE,
                    "-storetype", "PKCS12", "-storepass:env", PASSWORD_VARIABLE);
        }

        private void run(String... arguments) {
            List<String> command = new ArrayList<>(List.of(keytool.toString(), "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC"));
            command.addAll(List.of(arguments));
            ProcessBuilder builder = new ProcessBuilder(command).directory(scratch.toFile()).redirectErrorStream(true);
            builder.environment().put(PASSWORD_VARIABLE, password);
            Process process = null;
            try {
                process = builder.start();
                process.getOutputStream().close();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("keytool " + arguments[0] + " did not finish within " + KEYTOOL_TIMEOUT_SECONDS + " s");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("keytool " + arguments[0] + " failed with exit code " + process.exitValue() + ": "
                            + output.strip().replaceAll("\\s*\\R\\s*", " "));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not run " + keytool + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running keytool " + arguments[0], e);
            } finally {
                if (process != null && process.isAlive()) {
                    process.destroyForcibly();
                }
            }
        }
    }
}
