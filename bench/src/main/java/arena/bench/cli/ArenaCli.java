package arena.bench.cli;

import arena.bench.measure.ForkFailedException;
import arena.bench.measure.InterruptShield;
import arena.bench.report.OutputFailedException;
import arena.core.CommandProvider;
import arena.core.StrategyRegistry;
import arena.core.WorkerFailedException;
import arena.core.input.InvalidInputException;
import java.io.PrintWriter;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code arena} command line. Every command maps its outcome to one of the {@link ExitCode}s:
 * bad input prints one line on stderr naming the parameter and what is allowed (never a stack
 * trace), a worker's failure prints its original cause, and output that could not be written
 * (stdout, stderr or a file) prints why and exits {@link ExitCode#OUTPUT_FAILED}. Runs on the main
 * thread.
 */
@Command(name = "arena", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Runs the Julia-set kernel under many concurrency models, verifies that they agree bit for bit, and times them.",
        subcommands = {CompareCommand.class, ForkChildCommand.class, VerifyCommand.class, ComputeCommand.class, RenderCommand.class, TimelineCommand.class, StrategiesCommand.class, JmhCommand.class, DiffCommand.class, CompletionCommand.class},
        footer = {"", ExitCode.TABLE})
public final class ArenaCli implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private ArenaCli() {
    }

    private static final AtomicBoolean SHUTTING_DOWN = new AtomicBoolean();
    private static final AtomicBoolean COMMAND_DONE = new AtomicBoolean();
    private static final long SHUTDOWN_GRACE_MILLIS = 10_000;

    /**
     * Runs the command line and exits the JVM with its exit code. On Ctrl-C (SIGINT), SIGTERM or
     * SIGHUP a shutdown hook interrupts the command's thread, which cancels the run in its strategy,
     * and waits for it to stop its workers and close what it opened; the JVM then exits with 128 plus
     * the signal's number (130, 143, 129) after one line on stderr.
     */
    public static void main(String[] args) {
        // Initialise logging before any actor system logs from another thread (SLF4J would warn about replayed calls).
        org.slf4j.LoggerFactory.getILoggerFactory();
        ReceivedSignal.watch();
        Thread command = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("arena-interrupt").unstarted(() -> {
            if (COMMAND_DONE.get()) {
                return;
            }
            SHUTTING_DOWN.set(true);
            try {
                InterruptShield.interruptWhenUnshielded(command, () -> { });
                command.join(SHUTDOWN_GRACE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        PrintWriter err = StandardStream.err();
        int code = execute(args, StandardStream.out(), err);
        COMMAND_DONE.set(true);
        if (ReceivedSignal.received().isEmpty() && !SHUTTING_DOWN.get()) {
            System.exit(code);
        } else if (code == ExitCode.OK) {
            // The signal came when no run was going: say so, as a cancelled run would have.
            err.println("arena: " + ReceivedSignal.how());
        }
    }

    /** Runs the command line with the given streams and returns the exit code; for tests and embedding. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, StrategyRegistry.discover());
    }

    /**
     * Runs the command line over exactly the strategies of {@code registry} (tests add fixtures
     * this way, never through ServiceLoader files) and returns the exit code.
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, StrategyRegistry registry) {
        CommandFactory factory = new CommandFactory(registry);
        CommandLine cli = new CommandLine(new ArenaCli(), factory);
        addContributedCommands(cli, factory);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, arguments) -> {
            String command = e.getCommandLine().getCommandSpec().qualifiedName();
            err.println(command + ": " + oneLine(e.getMessage()) + " (see '" + command + " --help')");
            err.flush();
            return ExitCode.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            String command = commandLine.getCommandSpec().qualifiedName();
            err.println(command + ": " + describe(e));
            err.flush();
            return exitCodeOf(e);
        });
        int code = cli.execute(args);
        return checkStreams(code, commandName(cli), out, err);
    }

    /**
     * Adds the commands that modules contribute ({@link CommandProvider}, e.g. akka-cluster's
     * {@code worker}), each with the version option of the built-in commands.
     */
    private static void addContributedCommands(CommandLine cli, CommandFactory factory) {
        for (CommandProvider provider : CommandProvider.discover()) {
            CommandLine command = new CommandLine(provider.command(), factory);
            command.getCommandSpec().versionProvider(new VersionProvider());
            cli.addSubcommand(command);
        }
    }

    /**
     * Turns output that could not be written (a full disk, a closed pipe, a device error) into one
     * line on stderr and {@link ExitCode#OUTPUT_FAILED}, where the command itself succeeded; a
     * command that failed keeps its own exit code. A failed stderr cannot report itself, but still
     * fails the command.
     */
    private static int checkStreams(int code, String command, PrintWriter out, PrintWriter err) {
        boolean outFailed = out.checkError();
        if (outFailed) {
            String reason = out instanceof StandardStream standard ? standard.failure().map(r -> ": " + r).orElse("") : "";
            err.println(command + ": could not write standard output" + reason);
            err.flush();
        }
        boolean errFailed = err.checkError();
        return (outFailed || errFailed) && code == ExitCode.OK ? ExitCode.OUTPUT_FAILED : code;
    }

    private static String commandName(CommandLine cli) {
        CommandLine.ParseResult result = cli.getParseResult();
        if (result == null) {
            return cli.getCommandName();
        }
        while (result.hasSubcommand()) {
            result = result.subcommand();
        }
        return result.commandSpec().qualifiedName();
    }

    static int exitCodeOf(Throwable e) {
        if (e instanceof InvalidInputException) {
            return ExitCode.BAD_INPUT;
        }
        if (e instanceof TimeoutOption.TimedOutException) {
            return ExitCode.TIMED_OUT;
        }
        if (e instanceof CancellationException || e instanceof InterruptedException) {
            return ExitCode.INTERRUPTED;
        }
        return ExitCode.WORKER_FAILED;
    }

    static String describe(Throwable e) {
        if (e instanceof InvalidInputException bad) {
            return "--" + bad.parameter() + ": " + oneLine(bad.getMessage());
        }
        if (e instanceof WorkerFailedException failed) {
            return oneLine(failed.getMessage());
        }
        if (e instanceof TimeoutOption.TimedOutException timedOut) {
            return timedOut.getMessage();
        }
        if (e instanceof CancellationException) {
            return ReceivedSignal.how() + "; the run was cancelled and every worker stopped";
        }
        if (e instanceof InterruptedException) {
            return ReceivedSignal.how();
        }
        if (e instanceof ForkFailedException failed) {
            return oneLine(failed.getMessage());
        }
        if (e instanceof OutputFailedException failed) {
            return oneLine(failed.getMessage());
        }
        return "failed: " + oneLine(String.valueOf(e));
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
