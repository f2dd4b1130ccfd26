package arena.core;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;

/**
 * A command of the {@code arena} command line contributed by a module, found the way strategies
 * are: through {@link ServiceLoader} (a {@code META-INF/services/arena.core.CommandProvider} file
 * in the module), so that the command line compiles against no strategy. Core stays free of the
 * command-line library: the command is a plain {@link Callable} whose class carries picocli's
 * annotations ({@code @Command} with its name, {@code @Option}s); the command line adds it as a
 * subcommand, gives it its version and help options, maps what {@link Callable#call()} throws as it
 * does for its own commands ({@link arena.core.input.InvalidInputException}: one line, exit 2) and
 * exits with the number it returns.
 *
 * <p>Threading: {@link #command()} is called on the main thread while the command line is built, and
 * returns a fresh object each time.
 */
public interface CommandProvider {

    /** A new command object: a {@link Callable} annotated with picocli's {@code @Command}. */
    Callable<Integer> command();

    /** Every provider on the class path, in {@link ServiceLoader} order. */
    static List<CommandProvider> discover() {
        List<CommandProvider> providers = new ArrayList<>();
        ServiceLoader.load(CommandProvider.class).forEach(providers::add);
        return List.copyOf(providers);
    }
}
