package arena.core.input;

import java.util.Objects;

/**
 * The part every provider of a plug-in shares, a strategy's and a kernel's alike: the name users
 * type ({@code --strategy threads}, {@code --kernel vector}) and one line saying what it is, fixed
 * when the provider is constructed. A plug-in point's own base class extends this one and adds
 * what its plug-ins declare (a kernel's rank and availability, a strategy's capabilities); by
 * convention the concrete provider is a top-level class named for what it provides
 * ({@code <Name>KernelProvider}) with a public no-argument constructor for
 * {@link java.util.ServiceLoader}.
 *
 * <p>Threading: immutable once constructed; safe to use from any thread.
 */
public abstract class AbstractProvider {

    private final String name;
    private final String description;

    /**
     * @param name        the stable, lower-case name, unique among the providers of its plug-in point
     * @param description one line saying what the plug-in is
     */
    protected AbstractProvider(String name, String description) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
    }

    /** The stable, lower-case name, as the command line spells it. */
    public final String name() {
        return name;
    }

    /** One line saying what the plug-in is. */
    public final String description() {
        return description;
    }
}
