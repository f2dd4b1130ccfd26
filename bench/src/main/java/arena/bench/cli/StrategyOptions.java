package arena.bench.cli;

import arena.core.StrategyOption;
import arena.core.StrategyProvider;
import arena.core.StrategyRegistry;
import arena.core.input.InvalidInputException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * The options providers declare ({@link arena.core.Capabilities#options()}), offered as
 * {@code --name PARAM} by every command that runs strategies: the options are added to the command
 * line from the registry ({@link Declared}), so a new strategy's option appears in help and
 * completion without a change here. Each strategy receives only the options its provider declares,
 * and an option that no selected strategy declares is refused ({@link #requireUsedBy}) rather than
 * ignored. A deprecated name is hidden from help, still accepted with one warning on stderr, and
 * refused together with the current name. Filled in by picocli; used on the main thread.
 */
@Command(modelTransformer = StrategyOptions.Declared.class)
public final class StrategyOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private boolean warned;

    /**
     * Refuses an option that none of the {@code selected} strategies takes, naming the option, the
     * strategies that take it and the ones selected; refuses an option given under both its name and
     * a deprecated one, and warns once on stderr for a deprecated name.
     *
     * @throws InvalidInputException naming the first such option
     */
    public void requireUsedBy(Collection<StrategyProvider> selected, StrategyRegistry registry) {
        for (String option : toMap().keySet()) {
            if (selected.stream().noneMatch(p -> p.capabilities().optionNames().contains(option))) {
                List<String> takers = registry.all().stream().filter(p -> p.capabilities().optionNames().contains(option))
                        .map(StrategyProvider::name).toList();
                throw new InvalidInputException(option, "--" + option + " applies only to "
                        + (takers.isEmpty() ? "no strategy found here" : "strategy " + String.join(", ", takers))
                        + ", which is not selected (selected: "
                        + String.join(", ", selected.stream().map(StrategyProvider::name).distinct().toList())
                        + "); select it or drop --" + option);
            }
        }
    }

    /**
     * The options given, by the names providers declare them under (a deprecated spelling under
     * its current name).
     *
     * @throws InvalidInputException naming the option when it is given under two names
     */
    public Map<String, String> toMap() {
        Map<String, String> given = new LinkedHashMap<>();
        for (OptionSpec option : command.options()) {
            if (option.userObject() instanceof Name name && option.getValue() != null) {
                String value = String.valueOf(option.<Object>getValue());
                if (given.putIfAbsent(name.current(), value) != null) {
                    throw new InvalidInputException(name.current(), "give --" + name.current()
                            + " or its deprecated spelling, not both");
                }
                if (!name.current().equals(name.given()) && !warned) {
                    warned = true;
                    DeprecatedName.warn(command.commandLine().getErr(), name.given(), name.current());
                }
            }
        }
        return given;
    }

    /** Under which name an option was declared on the command line, and the provider's name for it. */
    private record Name(String given, String current) {
    }

    /**
     * Adds every option the registry's providers declare, once per name, to the command that mixes
     * in {@link StrategyOptions} (picocli applies a mixin's transformer to that command), with its
     * deprecated names as hidden options. Made by {@link CommandFactory} with the registry.
     */
    static final class Declared implements IModelTransformer {

        private final StrategyRegistry registry;

        Declared(StrategyRegistry registry) {
            this.registry = registry;
        }

        @Override
        public CommandSpec transform(CommandSpec command) {
            Map<String, StrategyOption> declared = new LinkedHashMap<>();
            registry.all().forEach(p -> p.capabilities().options().forEach(o -> declared.putIfAbsent(o.name(), o)));
            for (StrategyOption option : declared.values()) {
                command.addOption(spec(option.name(), option, false));
                for (String old : option.deprecatedNames()) {
                    command.addOption(spec(old, option, true));
                }
            }
            return command;
        }

        private static OptionSpec spec(String name, StrategyOption option, boolean deprecated) {
            return OptionSpec.builder("--" + name).paramLabel(option.paramLabel()).type(option.flag() ? Boolean.class : String.class)
                    .description(deprecated ? "deprecated: use --" + option.name() : option.description())
                    .hidden(deprecated).userObject(new Name(name, option.name())).build();
        }
    }
}
