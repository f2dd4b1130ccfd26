package arena.bench.cli;

import java.io.PrintWriter;

/** The one-line warning for an option given under a name that the next release removes. Stateless. */
final class DeprecatedName {

    private DeprecatedName() {
    }

    /** Prints {@code arena: --old is deprecated, use --current; --old will be removed in the next release}. */
    static void warn(PrintWriter err, String old, String current) {
        err.println("arena: --" + old + " is deprecated, use --" + current + "; --" + old + " will be removed in the next release");
        err.flush();
    }
}
