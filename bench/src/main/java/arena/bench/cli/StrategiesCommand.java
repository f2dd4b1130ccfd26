package arena.bench.cli;

import arena.core.StrategyProvider;
import arena.core.StrategyRegistry;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;
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
            String note = (provider.capabilities().joinsDefaultSelection() ? "" : " (runs when named)") + kernelsNote(provider)
                    + provider.whyUnavailable().map(why -> " (unavailable: " + why + ")").orElse("");
            out.printf(Locale.ROOT, "%-13s %-34s %s%s%n", provider.name(), "[" + schedules + "]", provider.description(), note);
        }
        out.flush();
        return ExitCode.OK;
    }

    /** For a strategy with kernels of its own, which they are and why one cannot run here; else nothing. */
    private static String kernelsNote(StrategyProvider provider) {
        if (provider.capabilities().kernels().isEmpty()) {
            return "";
        }
        return "; kernels: " + new TreeSet<>(provider.capabilities().kernels()).stream()
                .map(k -> k + provider.whyKernelUnavailable(k).filter(why -> provider.available()).map(why -> " (unavailable: " + why + ")").orElse(""))
                .collect(Collectors.joining(", "));
    }
}
