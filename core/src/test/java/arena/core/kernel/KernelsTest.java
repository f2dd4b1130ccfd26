package arena.core.kernel;

import arena.core.input.InvalidInputException;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Kernels are found as strategies are: by {@link java.util.ServiceLoader}, in rank order, with
 * {@code auto} the highest-ranked available one; an unavailable kernel is left out of the names and
 * refused with its reason. (Without {@code jdk.incubator.vector}: {@link VectorSupportTest}.)
 */
class KernelsTest {

    @Test
    void theBuiltInKernels_areFoundByServiceLoader_inRankOrder_withAutoLast() {
        assertThat(Kernels.providers()).extracting(KernelProvider::name).containsExactly("scalar", "interleaved", "vector");
        assertThat(Kernels.names()).containsExactly("scalar", "interleaved", "vector", "auto");
        for (KernelProvider provider : Kernels.providers()) {
            assertThat(Kernels.byName(provider.name()).name()).isEqualTo(provider.name());
            assertThat(provider.kernel().name()).isEqualTo(provider.name());
            assertThat(provider.description()).isNotBlank();
        }
    }

    @Test
    void autoAndTheDefault_areTheVectorKernel_andTheReferenceIsScalar() {
        assertThat(Kernels.byName("auto")).isSameAs(VectorSupport.kernel());
        assertThat(Kernels.defaultKernel()).isSameAs(VectorSupport.kernel());
        assertThat(Kernels.reference()).isSameAs(ScalarKernel.INSTANCE).isSameAs(Kernels.byName("scalar"));
        assertThat(Kernels.byName("Interleaved")).isSameAs(InterleavedKernel.INSTANCE);
    }

    @Test
    void theRegisteredKernels_runInJava_andAStrategysOwnKernel_doesNot() {
        assertThat(Kernels.runsInJava(Kernels.reference())).isTrue();
        assertThat(Kernels.runsInJava(Kernels.defaultKernel())).isTrue();
        Kernel strategysOwn = new Kernel() {
            @Override
            public String name() {
                return "c-avx512";
            }

            @Override
            public void computeRows(arena.core.problem.JuliaParams params, int[] counts, int rowStart, int rowEnd) {
                throw new UnsupportedOperationException("only its strategy runs it");
            }
        };
        assertThat(Kernels.runsInJava(strategysOwn)).isFalse();
    }

    @Test
    void anUnknownName_isRefusedNamingTheParameter_andListingTheKnownKernels() {
        assertThatThrownBy(() -> Kernels.byName("turbo"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.parameter()).isEqualTo("kernel"))
                .hasMessage("kernel 'turbo' is unknown; known kernels: scalar, interleaved, vector, auto");
        assertThatThrownBy(() -> Kernels.byName(" scalar")).isInstanceOf(InvalidInputException.class)
                .hasMessage("kernel ' scalar' is unknown; known kernels: scalar, interleaved, vector, auto");
    }

    @Test
    void auto_picksTheHighestRankedAvailableKernel_whateverTheOrderOfDiscovery() {
        KernelRegistry registry = new KernelRegistry(List.of(listed("fast", 30, "needs a GPU"), listed("medium", 20, null),
                listed("slow", 10, null), listed("fastest", 40, "needs libfastest.so")));
        assertThat(registry.byName("auto").name()).isEqualTo("medium");
        assertThat(registry.all()).extracting(KernelProvider::name).containsExactly("slow", "medium", "fast", "fastest");
    }

    @Test
    void anUnavailableKernel_isLeftOutOfTheNames_andRefusedWithItsReason() {
        KernelRegistry registry = new KernelRegistry(List.of(listed("plain", 0, null), listed("gpu", 50, "the gpu kernel needs CUDA 12")));
        assertThat(registry.names()).containsExactly("plain", "auto");
        assertThat(registry.all()).filteredOn(p -> !p.available()).extracting(p -> p.whyUnavailable().orElseThrow())
                .containsExactly("the gpu kernel needs CUDA 12");
        assertThatThrownBy(() -> registry.all().get(1).kernel()).isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("the gpu kernel needs CUDA 12");
        assertThatThrownBy(() -> registry.byName("GPU"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.parameter()).isEqualTo("kernel"))
                .hasMessage("kernel 'gpu' is unavailable: the gpu kernel needs CUDA 12");
        assertThatThrownBy(() -> registry.byName("cpu")).hasMessage("kernel 'cpu' is unknown; known kernels: plain, auto");
    }

    @Test
    void twoKernelsWithOneName_orOneRank_orNamedAuto_areRefused() {
        assertThatThrownBy(() -> new KernelRegistry(List.of(listed("twin", 1, null), listed("twin", 2, null))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("two kernels are named 'twin'");
        assertThatThrownBy(() -> new KernelRegistry(List.of(listed("one", 7, null), listed("other", 7, null))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("kernels 'one' and 'other' share rank 7");
        assertThatThrownBy(() -> new KernelRegistry(List.of(listed("auto", 1, null))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("kernel name 'auto'");
        assertThatThrownBy(() -> new KernelRegistry(List.of()).byName("auto"))
                .isInstanceOf(IllegalStateException.class).hasMessage("no kernel is available in this JVM");
    }

    /**
     * A new kernel module adds one provider class and one services file, nothing else: {@link Kernels},
     * loaded afresh with such a services file on its class path, lists the {@link PluginKernelProvider}'s
     * kernel, hands it out by name, and still picks {@code vector} for {@code auto}.
     */
    @Test
    void aProviderInAnotherServicesFile_appearsInTheNames_andByName(@TempDir Path plugin) throws Exception {
        Path services = plugin.resolve("META-INF/services/" + KernelProvider.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, PluginKernelProvider.class.getName() + "\n");
        URL[] classPath = {location(Kernels.class), location(PluginKernelProvider.class), plugin.toUri().toURL()};
        try (URLClassLoader loader = new URLClassLoader(classPath, ClassLoader.getPlatformClassLoader())) {
            Class<?> kernels = Class.forName(Kernels.class.getName(), true, loader);
            assertThat(kernels).isNotSameAs(Kernels.class);
            assertThat(kernels.getMethod("names").invoke(null)).asInstanceOf(InstanceOfAssertFactories.LIST)
                    .containsExactly("plugin", "scalar", "interleaved", "vector", "auto");
            assertThat(nameOf(loader, kernels.getMethod("byName", String.class).invoke(null, "plugin"))).isEqualTo("plugin");
            assertThat(nameOf(loader, kernels.getMethod("byName", String.class).invoke(null, "auto"))).isEqualTo("vector");
        }
        assertThat(Kernels.names()).doesNotContain("plugin");
    }

    private static URL location(Class<?> type) throws IOException {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    private static Object nameOf(ClassLoader loader, Object kernel) throws ReflectiveOperationException {
        return Class.forName(Kernel.class.getName(), false, loader).getMethod("name").invoke(kernel);
    }

    /** A provider of a kernel with the scalar counts, available unless {@code whyUnavailable} is given. */
    private static KernelProvider listed(String name, int rank, String whyUnavailable) {
        return new AbstractKernelProvider(name, "a listed test kernel", rank, () -> new RenamedScalarKernel(name)) {
            @Override
            public Optional<String> whyUnavailable() {
                return Optional.ofNullable(whyUnavailable);
            }
        };
    }
}
