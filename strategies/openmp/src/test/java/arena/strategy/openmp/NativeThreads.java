package arena.strategy.openmp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The process's threads as Linux sees them, in {@code /proc/self/task}: native threads included,
 * which the JVM's thread list does not show. A thread libgomp starts inherits the name of the thread
 * that started it, so openmp's workers are named like its caller thread ({@code arena-openmp-c}, cut
 * to 15 characters).
 */
final class NativeThreads {

    private NativeThreads() {
    }

    /** Every thread of this process. */
    static int count() throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return (int) tasks.count();
        }
    }

    /** The names of this process's threads that start with {@code prefix}. */
    static List<String> named(String prefix) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.map(task -> {
                try {
                    return Files.readString(task.resolve("comm")).strip();
                } catch (IOException e) {
                    return ""; // the thread ended while listed
                }
            }).filter(name -> name.startsWith(prefix)).toList();
        }
    }

    /** Waits up to five seconds for no thread named with {@code prefix} to be left, then asserts it. */
    static void assertNoneNamed(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<String> left;
        try {
            while (!(left = named(prefix)).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot read /proc/self/task", e);
        }
        assertThat(left).as("native threads named %s* left after close", prefix).isEmpty();
    }
}
