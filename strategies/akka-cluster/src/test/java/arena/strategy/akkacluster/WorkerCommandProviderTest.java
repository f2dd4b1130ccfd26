package arena.strategy.akkacluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import arena.core.CommandProvider;
import arena.core.input.InvalidInputException;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The module contributes {@code arena worker} through {@link CommandProvider}: ServiceLoader finds
 * it, it is a picocli command named {@code worker}, and its bad input is an
 * {@link InvalidInputException} naming the option, which the command line turns into one line and
 * exit 2. Nothing binds a port here.
 */
class WorkerCommandProviderTest {

    @Test
    void serviceLoader_findsTheWorkerCommand_asAPicocliCommandNamedWorker() {
        List<Callable<Integer>> commands = CommandProvider.discover().stream().map(CommandProvider::command).toList();

        assertThat(commands).hasAtLeastOneElementOfType(ArenaWorkerCommand.class);
        CommandLine worker = new CommandLine(commands.stream().filter(ArenaWorkerCommand.class::isInstance).findFirst().orElseThrow());
        assertThat(worker.getCommandName()).isEqualTo("worker");
        assertThat(worker.getCommandSpec().optionsMap()).containsKeys("--host", "--port", "--join", "--threads", "--help", "--tls", "--insecure",
                "--fast-failure-detection");
    }

    @Test
    void aMissingJoin_isBadInputNamingJoin_beforeAnyNodeStarts() {
        ArenaWorkerCommand command = new ArenaWorkerCommand();
        new CommandLine(command).parseArgs("--port", "0");

        assertThatThrownBy(command::call).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.parameter()).isEqualTo("join"));
    }

    @Test
    void aPortOutOfRange_isBadInputNamingPort() {
        ArenaWorkerCommand command = new ArenaWorkerCommand();
        new CommandLine(command).parseArgs("--port", "70000", "--join", "127.0.0.1:25520");

        assertThatThrownBy(command::call).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.parameter()).isEqualTo("port"));
    }
}
