package arena.strategy.akkacluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import arena.core.StrategyConfig;
import arena.core.input.InvalidInputException;
import arena.core.testkit.LiveThreads;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * What {@code --tls DIR} and {@code --insecure} refuse before any node starts: a missing directory,
 * a missing store, a wrong password, plain TCP on a non-loopback address; each is one line naming the
 * option (the command line prints it and exits 2). {@code 192.0.2.10} is a documentation address
 * (TEST-NET-1), never one of this machine's.
 */
class TlsInputTest {

    private static final String FAR = "192.0.2.10";

    @AfterEach
    void nothingWasStarted() throws InterruptedException {
        assertThat(LiveThreads.awaitNone("arena-akka-cluster", Duration.ofSeconds(10))).isEmpty();
    }

    @Test
    void aMissingDirectory_isBadInputNamingTls_inOneLine() {
        String missing = TestKeys.cluster().resolveSibling("no-such-keys").toString();

        assertRefusedNamingTls(Map.of("local-workers", "1", "tls", missing), missing, "arena keys --out");
        assertThat(Path.of(missing)).doesNotExist();
    }

    @Test
    void aMissingStore_isBadInputNamingTheStore() {
        assertBrokenCopyRefused("without-trust-store", keys -> Files.delete(keys.resolve(TlsStores.TRUST_STORE)),
                TlsStores.TRUST_STORE, "is missing");
    }

    @Test
    void aWrongPassword_isBadInputSayingSo() {
        assertBrokenCopyRefused("wrong-password", keys -> Files.writeString(keys.resolve(TlsStores.PASSWORD_FILE), "not-the-password\n"),
                TlsStores.NODE_STORE, "wrong password");
    }

    @Test
    void aWorkerWithAWrongPassword_exits2_withTheReasonOnItsFirstLine() throws Exception {
        Path keys = TestKeys.copyOfCluster("worker-wrong-password");
        Files.writeString(keys.resolve(TlsStores.PASSWORD_FILE), "not-the-password\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = WorkerMain.run(new String[] {"--join", "127.0.0.1:25520", "--tls", keys.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow()).startsWith("arena worker: tls store ")
                .contains("wrong password");
    }

    @Test
    void aCoordinatorJoiningANonLoopbackContact_withoutTls_isRefusedSayingToUseTlsOrInsecure() {
        assertRefusedNamingTls(Map.of("join", FAR + ":25520"), FAR, "use --tls DIR");
    }

    @Test
    void aWorkerOnANonLoopbackHost_withoutTls_isRefusedSayingToUseTlsOrInsecure() {
        ArenaWorkerCommand worker = new ArenaWorkerCommand();
        new CommandLine(worker).parseArgs("--host", FAR, "--port", "25520", "--join", FAR + ":25520");

        assertThatThrownBy(worker::call).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.parameter()).isEqualTo("tls");
            assertThat(e.getMessage()).contains(FAR).contains("--tls DIR").contains("--insecure").doesNotContain("\n");
        });
    }

    @Test
    void aWorkerOnLoopbackJoiningANonLoopbackContact_withoutTls_isRefused() {
        ArenaWorkerCommand worker = new ArenaWorkerCommand();
        new CommandLine(worker).parseArgs("--join", FAR + ":25520");

        assertThatThrownBy(worker::call).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.parameter()).isEqualTo("tls"));
    }

    @Test
    void withInsecure_aNonLoopbackWorkerGoesOnToBind_andFailsOnlyBecauseTheAddressIsNotThisMachines() {
        ArenaWorkerCommand worker = new ArenaWorkerCommand();
        new CommandLine(worker).parseArgs("--host", FAR, "--port", "0", "--join", FAR + ":25520", "--insecure");

        assertThatThrownBy(worker::call).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.parameter()).isEqualTo("host"));
    }

    @Test
    void tlsAndInsecureTogether_areRefusedNamingInsecure() {
        assertThatThrownBy(() -> new AkkaClusterProvider().open(new StrategyConfig(1,
                Map.of("local-workers", "1", "tls", TestKeys.cluster().toString(), "insecure", "true"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.parameter()).isEqualTo("insecure"));
    }

    @Test
    void aFlagWithAValueOtherThanTrueOrFalse_isRefusedNamingIt() {
        assertThatThrownBy(() -> new AkkaClusterProvider().open(new StrategyConfig(1,
                Map.of("local-workers", "1", "fast-failure-detection", "yes"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.parameter()).isEqualTo("fast-failure-detection"));
    }

    /** A change to a copy of the cluster's keys. */
    @FunctionalInterface
    private interface Breakage {
        void breakIn(Path keys) throws IOException;
    }

    /** Breaks a copy of the cluster's keys, and checks that {@code tls} with it is refused naming {@code file} of the copy. */
    private static void assertBrokenCopyRefused(String copy, Breakage breakage, String file, String saying) {
        Path keys = TestKeys.copyOfCluster(copy);
        try {
            breakage.breakIn(keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertRefusedNamingTls(Map.of("local-workers", "1", "tls", keys.toString()), keys.resolve(file).toString(), saying);
    }

    private static void assertRefusedNamingTls(Map<String, String> options, String named, String saying) {
        assertThatThrownBy(() -> new AkkaClusterProvider().open(new StrategyConfig(1, options)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("tls");
                    assertThat(e.getMessage()).contains(named).contains(saying).doesNotContain("\n");
                });
    }
}
