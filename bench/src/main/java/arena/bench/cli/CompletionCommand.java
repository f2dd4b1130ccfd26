package arena.bench.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code arena completion}: prints a completion script for bash and zsh (picocli's
 * {@link AutoComplete}), generated from the command line itself, so that every command and option
 * completes, e.g. {@code source <(arena completion)}. Runs on the main thread.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Prints a bash/zsh completion script for arena's commands and options.",
                "bash: source <(arena completion); zsh: autoload -U +X bashcompinit && bashcompinit, then the same."})
public final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(AutoComplete.bash("arena", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
