package arena.strategy.akkacluster;

import arena.core.StrategyConfig;
import arena.core.StrategyProvider;
import arena.core.StrategyRegistry;
import arena.core.input.InvalidInputException;
import arena.core.testkit.LiveThreads;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the strategy is opened with, and what it refuses before starting anything: the provider's
 * registration and capabilities, the {@code join} and {@code local-workers} options, and the
 * worker JVM's arguments.
 */
class OptionsTest {

    private final StrategyProvider provider = new AkkaClusterProvider();

    @AfterEach
    void nothingWasStarted() throws InterruptedException {
        assertThat(LiveThreads.awaitNone("arena-akka-cluster", Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void provider_isDiscoveredByName_runsOnlyWhenNamed_andTakesItsOptions() {
        StrategyProvider found = StrategyRegistry.discover().find("akka-cluster");

        assertThat(found).isInstanceOf(AkkaClusterProvider.class);
        assertThat(found.capabilities().joinsDefaultSelection()).isFalse();
        assertThat(found.capabilities().scheduleLabels()).isEqualTo("static, dynamic, guided");
        assertThat(found.capabilities().maxThreads()).isEqualTo(StrategyConfig.MAX_THREADS);
        assertThat(found.capabilities().optionNames()).containsExactly("join", "local-workers", "tls", "insecure", "fast-failure-detection");
        assertThat(found.description()).contains("worker");
    }

    @Test
    void neitherJoinNorLocalWorkers_isRefusedSayingWhatToGive() {
        assertThatThrownBy(() -> provider.open(StrategyConfig.threads(2)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.parameter()).isEqualTo("join"))
                .hasMessageContaining("join=host:port")
                .hasMessageContaining("local-workers=N");
    }

    @Test
    void bothJoinAndLocalWorkers_areRefused() {
        assertThatThrownBy(() -> provider.open(new StrategyConfig(2, Map.of("join", "127.0.0.1:25520", "local-workers", "2"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.parameter()).isEqualTo("join"))
                .hasMessageContaining("either join or local-workers");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"host", "host:notaport", "host:0", "host:70000", "host:+1", "' host:1'", "'host:1 '", "host:0x10", "host:\u0661", ":25520", "::1:25520", "''"})
    void malformedContact_isRefusedNamingJoin(String contact) {
        assertThatThrownBy(() -> provider.open(new StrategyConfig(1, Map.of("join", contact))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.parameter()).isEqualTo("join"))
                .hasMessageContaining("127.0.0.1:25520");
    }

    @ParameterizedTest
    @CsvSource({"0", "-1", "two", "65", "1.5"})
    void badLocalWorkerCount_isRefusedNamingLocalWorkers(String count) {
        assertThatThrownBy(() -> provider.open(new StrategyConfig(1, Map.of("local-workers", count))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.parameter()).isEqualTo("local-workers"))
                .hasMessageContaining("from 1 to 64");
    }

    @Test
    void unknownOption_isRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> provider.open(new StrategyConfig(1, Map.of("seeds", "127.0.0.1:25520"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.parameter()).isEqualTo("seeds"))
                .hasMessageContaining("join, local-workers");
    }

    @Test
    void contactsInEveryAcceptedForm_parse() {
        assertThat(HostPort.parse("join", "127.0.0.1:25520")).isEqualTo(new HostPort("127.0.0.1", 25520));
        assertThat(HostPort.parse("join", "localhost:1")).isEqualTo(new HostPort("localhost", 1));
        assertThat(HostPort.parse("join", "[::1]:25520")).isEqualTo(new HostPort("::1", 25520));
        assertThat(new HostPort("::1", 25520)).hasToString("[::1]:25520");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--port x --join 127.0.0.1:1", "--host 127.0.0.1", "--join nohost", "--threads 0 --join 127.0.0.1:1",
            "--bogus", "--join"})
    void workerMain_refusesBadArguments_withExitCode2_andUsage(String line) {
        String[] args = line.split(" ");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = WorkerMain.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: WorkerMain");
    }
}
