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
        Path classes = Path.of(Fixed.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String folder = Fixed.class.getPackageName().replace('.', '/') + "/";
        List<Path> files;
        try (Stream<Path> list = Files.list(classes.resolve(folder))) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".class")).sorted().toList();
        }
        Path same = jar("same.jar", folder, files, null);
        Path changed = jar("changed.jar", folder, files, KernelCodeTest.class.getSimpleName() + ".class");

        assertThat(KernelCode.sha256(loadFixed(same))).isEqualTo(KernelCode.sha256(new Fixed()));
        assertThat(KernelCode.sha256(loadFixed(changed))).matches("[0-9a-f]{64}").isNotEqualTo(KernelCode.sha256(new Fixed()));
    }

    @Test
    void aKernelDefinedAtRunTime_hasNoCodeToName() {
        Kernel lambdaLike = (Kernel) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Kernel.class},
                (proxy, method, args) -> method.getName().equals("name") ? "scalar" : null);

        assertThat(KernelCode.sha256(lambdaLike)).isNull();
    }

    /** A jar of {@code files} under {@code folder}; the file named {@code changedFile} (another class of the package) gets one byte more. */
    private Path jar(String name, String folder, List<Path> files, String changedFile) throws Exception {
        Path jar = dir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
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

    /** {@link Fixed} loaded from {@code jar}, not from the test classes (everything else from them). */
    private static Kernel loadFixed(Path jar) throws Exception {
        String fixed = Fixed.class.getName();
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
