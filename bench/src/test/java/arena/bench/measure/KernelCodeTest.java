package arena.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import arena.core.kernel.Kernel;
import arena.core.kernel.Kernels;
import arena.core.problem.JuliaParams;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelCodeTest {

    /** A kernel of this test's package, loaded from the test classes' directory or from a jar. */
    public static final class Fixed implements Kernel {
        @Override
        public String name() {
            return "scalar";
        }

        @Override
        public void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd) {
            Kernels.reference().computeRows(params, counts, rowStart, rowEnd);
        }
    }

    /** A kernel of this test's package that does not run in Java, as a strategy's native kernel. */
    public static final class NativeFixed implements Kernel {
        @Override
        public String name() {
            return "c-avx512";
        }

        @Override
        public void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd) {
            throw new UnsupportedOperationException("native code only its strategy runs");
        }
    }

    @TempDir
    Path dir;

    @Test
    void theKernelsOfOnePackage_areOneCode_andStayTheSame() {
        String reference = KernelCode.sha256(Kernels.reference());

        assertThat(reference).matches("[0-9a-f]{64}");
        assertThat(KernelCode.sha256(Kernels.reference())).isEqualTo(reference);
        assertThat(KernelCode.sha256(Kernels.byName("vector"))).isEqualTo(reference);
        assertThat(KernelCode.sha256(new Fixed())).matches("[0-9a-f]{64}").isNotEqualTo(reference);
    }

    @Test
    void thePackagesClassFiles_giveTheSameDigestFromAJarAsFromADirectory_andAnotherWhenOneChanges() throws Exception {
        String folder = FOLDER;
        List<Path> files = packageClassFiles();
        Path same = jar("same.jar", folder, files, null, Map.of());
        Path changed = jar("changed.jar", folder, files, KernelCodeTest.class.getSimpleName() + ".class", Map.of());

        assertThat(KernelCode.sha256(load(Fixed.class, same))).isEqualTo(KernelCode.sha256(new Fixed()));
        assertThat(KernelCode.sha256(load(Fixed.class, changed))).matches("[0-9a-f]{64}").isNotEqualTo(KernelCode.sha256(new Fixed()));
    }

    @Test
    void aNativeKernelsDigest_holdsTheNativeLibrariesOfItsCodeSource_andAJavaKernelsDoesNot() throws Exception {
        String folder = FOLDER;
        List<Path> files = packageClassFiles();
        String library = KernelCode.NATIVE_FOLDER + "linux-x86_64/libkernel.so";
        Path none = jar("none.jar", folder, files, null, Map.of());
        Path one = jar("one.jar", folder, files, null, Map.of(library, new byte[] {1, 2, 3}));
        Path other = jar("other.jar", folder, files, null, Map.of(library, new byte[] {1, 2, 4}));

        String withOne = KernelCode.sha256(load(NativeFixed.class, one));
        assertThat(withOne).matches("[0-9a-f]{64}").isNotEqualTo(KernelCode.sha256(load(NativeFixed.class, none)))
                .isNotEqualTo(KernelCode.sha256(load(NativeFixed.class, other)));
        assertThat(KernelCode.sha256(load(NativeFixed.class, none))).isEqualTo(KernelCode.sha256(new NativeFixed()));
        assertThat(KernelCode.sha256(load(Fixed.class, one))).isEqualTo(KernelCode.sha256(load(Fixed.class, other)))
                .isEqualTo(KernelCode.sha256(new Fixed()));
    }

    @Test
    void aKernelDefinedAtRunTime_hasNoCodeToName() {
        Kernel lambdaLike = (Kernel) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Kernel.class},
                (proxy, method, args) -> method.getName().equals("name") ? "scalar" : null);

        assertThat(KernelCode.sha256(lambdaLike)).isNull();
    }

    /** This test package's folder in a code source. */
    private static final String FOLDER = Fixed.class.getPackageName().replace('.', '/') + "/";

    /** The class files of this test's package in the test classes' directory, sorted. */
    private static List<Path> packageClassFiles() throws Exception {
        Path classes = Path.of(Fixed.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> list = Files.list(classes.resolve(FOLDER))) {
            return list.filter(f -> f.getFileName().toString().endsWith(".class")).sorted().toList();
        }
    }

    /**
     * A jar of {@code files} under {@code folder} and the {@code others} (name to bytes); the file named
     * {@code changedFile} (another class of the package) gets one byte more.
     */
    private Path jar(String name, String folder, List<Path> files, String changedFile, Map<String, byte[]> others) throws Exception {
        Path jar = dir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Map.Entry<String, byte[]> other : others.entrySet()) {
                out.putNextEntry(new JarEntry(other.getKey()));
                out.write(other.getValue());
                out.closeEntry();
            }
            for (Path file : files) {
                out.putNextEntry(new JarEntry(folder + file.getFileName()));
                out.write(Files.readAllBytes(file));
                if (file.getFileName().toString().equals(changedFile)) {
                    out.write(0);
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    /** A new {@code type} loaded from {@code jar}, not from the test classes (everything else from them). */
    private static Kernel load(Class<? extends Kernel> type, Path jar) throws Exception {
        String fixed = type.getName();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, KernelCodeTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (!name.equals(fixed)) {
                    return super.loadClass(name, resolve);
                }
                synchronized (getClassLoadingLock(name)) {
                    Class<?> loaded = findLoadedClass(name);
                    return loaded != null ? loaded : findClass(name);
                }
            }
        }) {
            return (Kernel) loader.loadClass(fixed).getDeclaredConstructor().newInstance();
        }
    }
}
