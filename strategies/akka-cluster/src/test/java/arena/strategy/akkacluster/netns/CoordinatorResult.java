package arena.strategy.akkacluster.netns;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a coordinator JVM ({@link arena.strategy.akkacluster.CoordinatorJvmMain}) printed at the end of
 * its run.
 *
 * @param sha256         the grid's SHA-256
 * @param chunks         chunks taken into the grid
 * @param requeued       chunks of lost workers handed out again
 * @param chunksByWorker chunks by worker {@code host:port}, as printed
 */
record CoordinatorResult(String sha256, int chunks, int requeued, String chunksByWorker) {

    private static final Pattern RESULT = Pattern.compile("result sha256=(\\p{XDigit}{64}) chunks=(\\d+) requeued=(\\d+) by=(.*)");

    /** Waits up to {@code timeout} for the coordinator's result line, prints it and reads it; fails on a failure line. */
    static CoordinatorResult awaitFrom(NamespacedJvm coordinator, Duration timeout) throws InterruptedException {
        String line = coordinator.awaitLine(text -> text.startsWith("result ") || text.startsWith("failed: "), timeout);
        Matcher matcher = RESULT.matcher(line);
        assertThat(matcher.matches()).as("the coordinator's result line, not a failure: " + line).isTrue();
        System.out.println("netns " + coordinator + ": " + line);
        return new CoordinatorResult(matcher.group(1), Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)),
                matcher.group(4));
    }
}
