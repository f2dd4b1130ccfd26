package arena.strategy.akkacluster;

import arena.core.CommandProvider;
import java.util.concurrent.Callable;

/** Contributes {@code arena keys} ({@link KeysCommand}) to the command line. Stateless. */
public final class KeysCommandProvider implements CommandProvider {

    @Override
    public Callable<Integer> command() {
        return new KeysCommand();
    }
}
