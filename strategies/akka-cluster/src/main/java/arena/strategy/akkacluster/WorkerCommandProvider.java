package arena.strategy.akkacluster;

import arena.core.CommandProvider;
import java.util.concurrent.Callable;

/** Contributes {@code arena worker} ({@link ArenaWorkerCommand}) to the command line. Stateless. */
public final class WorkerCommandProvider implements CommandProvider {

    @Override
    public Callable<Integer> command() {
        return new ArenaWorkerCommand();
    }
}
