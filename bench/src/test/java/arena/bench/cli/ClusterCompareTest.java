package arena.bench.cli;


import arena.core.testkit.LiveThreads;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The akka-cluster strategy through the CLI, with worker JVMs it starts on loopback and stops afterwards. */
class ClusterCompareTest {

    @Test
    void compareWithLocalWorkers_printsAVerifiedTimedRow() throws Exception {
        CliRunner run = CliRunner.run("compare", "--strategies", "akka-cluster", "--local-workers", "2", "--threads", "1",
                "--schedules", "dynamic:1", "--resolution", "200", "--repeat", "2", "--warmup", "0", "--budget", "0", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode results = new ObjectMapper().readTree(run.out()).get("results");
        JsonNode cluster = null;
        for (JsonNode result : results) {
            if (result.get("strategy").asText().equals("akka-cluster")) {
                cluster = result;
            }
        }
        assertThat(cluster).isNotNull();
        assertThat(cluster.get("identical").asBoolean()).isTrue();
        assertThat(cluster.get("samples_ms").size()).isGreaterThanOrEqualTo(2);
        assertThat(LiveThreads.awaitNone("arena-akka-cluster", Duration.ofSeconds(10))).isEmpty();
    }

    @Test
    void akkaClusterWithoutWorkers_isBadInput_namingTheOptions() {
        CliRunner run = CliRunner.run("compute", "--strategy", "akka-cluster", "--resolution", "10");
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("--join").contains("local-workers");
    }
}
