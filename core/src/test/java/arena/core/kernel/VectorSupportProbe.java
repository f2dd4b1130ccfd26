package arena.core.kernel;

/** Prints what {@link VectorSupport} says in this JVM; {@link VectorSupportTest} runs it without the module. */
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
    }
}
