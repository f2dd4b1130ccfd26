package arena.core.kernel;

import arena.core.input.InvalidInputException;

/** Prints what {@link VectorSupport} and {@link Kernels} say in this JVM; {@link VectorSupportTest} runs it without the module. */
public final class VectorSupportProbe {

    private VectorSupportProbe() {
    }

    public static void main(String[] args) {
        System.out.println("available=" + VectorSupport.available());
        try {
            System.out.println("kernel=" + VectorSupport.kernel().name());
        } catch (UnsupportedOperationException e) {
            System.out.println("refused=" + e.getMessage());
        }
        System.out.println("names=" + Kernels.names());
        System.out.println("auto=" + Kernels.defaultKernel().name());
        try {
            System.out.println("byName=" + Kernels.byName("vector").name());
        } catch (InvalidInputException e) {
            System.out.println("byName refused " + e.parameter() + ": " + e.getMessage());
        }
    }
}
