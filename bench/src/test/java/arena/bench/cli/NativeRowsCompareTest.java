package arena.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import arena.core.StrategyRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare} with openmp: native rows beside JVM rows, each kernel over its own baseline. */
class NativeRowsCompareTest {

    private static void requireOpenmp() {
        var openmp = StrategyRegistry.discover().find("openmp");
        openmp.whyUnavailable().ifPresent(why -> System.out.println("NativeRowsCompareTest skipped: openmp is unavailable: " + why));
        Assumptions.assumeTrue(openmp.available(), "openmp is unavailable");
    }

    @Test
    void nativeRows_areOverOpenmpAtOneThreadStatic_andJvmRowsOverSequential(@TempDir Path dir) throws Exception {
        requireOpenmp();
        Path out = dir.resolve("results");
        CliRunner run = CliRunner.run("compare", "--strategies", "openmp,threads", "--threads", "1,2", "--schedules", "static,dynamic:1",
                "--resolution", "60", "--repeat", "2", "--warmup", "0", "--budget", "0", "--forks", "0", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("all results identical");
        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("results");
        int nativeRows = 0;
        for (JsonNode result : results) {
            String kernel = result.get("kernel").asText();
            String strategy = result.get("strategy").asText();
            assertThat(strategy.equals("openmp")).as("%s runs %s", strategy, kernel).isEqualTo(kernel.startsWith("c-"));
            assertThat(strategy).as("sequential never runs a native kernel").isNotEqualTo(kernel.startsWith("c-") ? "sequential" : "");
            boolean baseline = result.get("threads").asInt() == 1 && result.get("schedule").asText().equals("static")
                    && strategy.equals(kernel.startsWith("c-") ? "openmp" : "sequential");
            if (baseline) {
                assertThat(result.get("speedup").asDouble()).as("%s/%s is its own baseline", strategy, kernel).isEqualTo(1.0);
            }
            nativeRows += kernel.startsWith("c-") ? 1 : 0;
        }
        assertThat(nativeRows).as("openmp rows: 2 threads x 2 schedules").isEqualTo(4);
        assertThat(results).as("sequential's baseline, threads' 4 rows and openmp's 4").hasSize(9);
    }

    @Test
    void forked_theMachinesSpeedIsCheckedOnTheJvmKernelsOnly_forANativeKernelRunsOnlyInsideOpenmp(@TempDir Path dir) throws Exception {
        requireOpenmp();
        Path out = dir.resolve("results");
        CliRunner run = CliRunner.run("compare", "--strategies", "openmp,threads", "--threads", "1", "--schedules", "static",
                "--resolution", "40", "--repeat", "2", "--max-repeat", "2", "--warmup", "0", "--budget", "0", "--forks", "1",
                "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode document = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        java.util.Set<String> checked = new java.util.TreeSet<>();
        document.get("speed_checks").forEach(check -> checked.add(check.get("kernel").asText()));
        java.util.Set<String> jvmKernels = new java.util.TreeSet<>();
        document.get("results").forEach(r -> {
            if (!r.get("kernel").asText().startsWith("c-")) {
                jvmKernels.add(r.get("kernel").asText());
            }
        });
        assertThat(checked).isNotEmpty().isEqualTo(jvmKernels);
        assertThat(run.out()).contains("no check runs c-");
    }

    @Test
    void aNativeKernelForAJvmStrategy_isRefusedWithExit2_sayingWhoRunsWhat() {
        CliRunner run = CliRunner.run("verify", "--strategies", "forkjoin", "--kernels", "c-scalar", "--resolution", "20");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("forkjoin with kernel c-scalar: it runs every JVM kernel").doesNotContain("Exception");
    }
}
