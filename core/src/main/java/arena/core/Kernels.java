package arena.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernels this build offers, by name. Stateless; safe from any thread.
 */
public final class Kernels {

    private static final Map<String, Kernel> BY_NAME = new LinkedHashMap<>();

    static {
        register(ScalarKernel.INSTANCE);
    }

    private Kernels() {
    }

    private static void register(Kernel kernel) {
        BY_NAME.put(kernel.name(), kernel);
    }

    /** The kernel used when none is named. */
    public static Kernel defaultKernel() {
        return ScalarKernel.INSTANCE;
    }

    /** Every kernel's name, in a stable order. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /**
     * The kernel with this name.
     *
     * @throws InvalidInputException naming {@code kernel} and listing the known names
     */
    public static Kernel byName(String name) {
        Kernel kernel = BY_NAME.get(name);
        if (kernel == null) {
            throw new InvalidInputException("kernel", "kernel '" + name + "' is unknown; known kernels: "
                    + String.join(", ", names()));
        }
        return kernel;
    }
}
