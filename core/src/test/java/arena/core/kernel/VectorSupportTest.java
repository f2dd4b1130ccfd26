package arena.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class VectorSupportTest {

    @Test
    void withTheIncubatorModule_theVectorKernelIsAvailable() {
        // surefire starts the test JVM with --add-modules jdk.incubator.vector
        assertThat(VectorSupport.available()).isTrue();
        assertThat(VectorSupport.kernel().name()).isEqualTo("vector");
        assertThat(InterleavedKernel.INSTANCE.name()).isEqualTo("interleaved");
    }

    @Test
    void withoutTheModule_availableIsFalse_andKernelRefusesWithTheFlagToAdd_andKernelsLeaveVectorOut() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process probe = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                VectorSupportProbe.class.getName()).redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor()).as(output).isZero();
        assertThat(output).contains("available=false")
                .contains("refused=the vector kernel needs the JVM flag --add-modules jdk.incubator.vector")
                .contains("names=[scalar, interleaved, auto]")
                .contains("auto=interleaved")
                .contains("byName refused kernel: kernel 'vector' is unavailable: the vector kernel needs the JVM flag --add-modules jdk.incubator.vector")
                .doesNotContain("NoClassDefFoundError");
    }

    @Test
    void theMessage_namesTheFlag() {
        assertThat(VectorSupport.UNAVAILABLE_MESSAGE)
                .isEqualTo("the vector kernel needs the JVM flag --add-modules jdk.incubator.vector");
    }
}
