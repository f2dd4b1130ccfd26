package arena.bench.measure;

import arena.core.kernel.Kernel;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.ProtectionDomain;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Which code a kernel is: the SHA-256 of the class files of its class's package, read from the jar
 * or directory the class was loaded from. Two builds whose kernel package is byte for byte the same
 * (a reproducible build of the same sources) give the same digest; a change to any class of the
 * package (the kernel itself, its helpers, its base class there) gives another. Code the package
 * calls elsewhere (the JDK, other packages) is not in it. Stateless; safe to use from any thread.
 */
public final class KernelCode {

    private KernelCode() {
    }

    /**
     * The SHA-256, in lower-case hex, of the class files of {@code kernel}'s package in its code
     * source, each file's name and bytes in name order; null when the class has no code source that
     * is a readable jar or directory (a class defined at run time, or loaded some other way).
     */
    public static String sha256(Kernel kernel) {
        Class<?> type = kernel.getClass();
        ProtectionDomain domain = type.getProtectionDomain();
        if (domain == null || domain.getCodeSource() == null || domain.getCodeSource().getLocation() == null) {
            return null;
        }
        String folder = type.getPackageName().replace('.', '/') + "/";
        try {
            Path source = Path.of(domain.getCodeSource().getLocation().toURI());
            Map<String, byte[]> classes = Files.isDirectory(source) ? fromDirectory(source, folder) : fromJar(source, folder);
            return classes.isEmpty() ? null : digest(classes);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** The class files directly in {@code folder} under {@code root}, by name. */
    private static Map<String, byte[]> fromDirectory(Path root, String folder) throws IOException {
        Map<String, byte[]> classes = new TreeMap<>();
        Path dir = root.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return classes;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".class")).toList()) {
                classes.put(folder + file.getFileName(), Files.readAllBytes(file));
            }
        }
        return classes;
    }

    /** The class files directly in {@code folder} of the jar at {@code jar}, by name. */
    private static Map<String, byte[]> fromJar(Path jar, String folder) throws IOException {
        Map<String, byte[]> classes = new TreeMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                String name = entry.getName();
                if (name.startsWith(folder) && name.endsWith(".class") && name.indexOf('/', folder.length()) < 0) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        classes.put(name, in.readAllBytes());
                    }
                }
            }
        }
        return classes;
    }

    private static String digest(Map<String, byte[]> classes) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            classes.forEach((name, bytes) -> {
                sha.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(bytes);
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
