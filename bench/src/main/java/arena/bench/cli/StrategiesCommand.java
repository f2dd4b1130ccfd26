package arena.bench.cli;

import arena.core.StrategyProvider;
import arena.core.StrategyRegistry;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;

/**
 * {@code arena strategies}: lists the strategies found on the class path, one line each, without
 * opening any of them (no thread or actor system starts). Runs on the main thread.
 */
@Command(name = "strategies", description = "Lists the strategies found, with the schedule kinds each supports.")
public final class StrategiesCommand extends RegistryCommand {

    StrategiesCommand(StrategyRegistry registry) {
        super(registry);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (StrategyProvider provider : registry.all()) {
            String schedules = provider.capabilities().scheduleLabels();
            String note = provider.capabilities().joinsDefaultSelection() ? "" : " (runs when named)";
            out.printf(Locale.ROOT, "%-13s %-34s %s%s%n", provider.name(), "[" + schedules + "]", provider.description(), note);
        }
        out.flush();
        return ExitCode.OK;
    }
}
