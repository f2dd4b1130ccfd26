package arena.strategy.akkacluster.netns;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A JVM started inside a network namespace with {@code ip netns exec NS java ...} (which execs java
 * itself, so the process is the JVM): this JVM's java binary, flags (less a debugger agent) and class
 * path, plus the given system properties, running {@code main} with {@code args}. Its output (standard
 * output and error merged) is read by a daemon thread and kept, to wait for a line and to show in
 * failure messages.
 *
 * <p>Threading: driven by one test thread; the reading thread only appends to the kept lines.
 */
public final class NamespacedJvm implements AutoCloseable {

    private final String name;
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private boolean ended;

    private NamespacedJvm(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    /** Starts {@code main} in {@code namespace}; {@code name} labels its output. */
    public static NamespacedJvm start(String name, String namespace, List<String> properties, Class<?> main, List<String> args) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace,
                ProcessHandle.current().info().command().orElseThrow()));
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!flag.startsWith("-agentlib:jdwp") && !flag.startsWith("-Xrunjdwp") && !flag.equals("-Xdebug")) {
                command.add(flag);
            }
        }
        properties.forEach(property -> command.add("-D" + property));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        Process process;
        try {
            process = Commands.builder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + " in " + namespace, e);
        }
        NamespacedJvm jvm = new NamespacedJvm(name, process);
        Thread.ofPlatform().name("netns-output-" + name).daemon().start(jvm::read);
        return jvm;
    }

    private void read() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process is gone
        } finally {
            synchronized (lines) {
                ended = true;
                lines.notifyAll();
            }
        }
    }

    /**
     * Waits for the first line (from the start) that {@code matches}, and returns it.
     *
     * @throws AssertionError when the JVM ends or {@code timeout} passes first, with its output
     */
    public String awaitLine(Predicate<String> matches, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            int seen = 0;
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (matches.test(lines.get(seen))) {
                        return lines.get(seen);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || ended) {
                    throw new AssertionError(name + (ended ? " ended its output" : " printed no expected line within " + timeout)
                            + "; its output:\n" + String.join("\n", lines));
                }
                TimeUnit.NANOSECONDS.timedWait(lines, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
            }
        }
    }

    /** The last line printed so far that {@code matches}, if any. */
    java.util.Optional<String> lastLine(Predicate<String> matches) {
        synchronized (lines) {
            return lines.reversed().stream().filter(matches).findFirst();
        }
    }

    /** The pid of the JVM. */
    public long pid() {
        return process.pid();
    }

    /** Whether the JVM is running (or stopped by SIGSTOP). */
    boolean isAlive() {
        return process.isAlive();
    }

    /** Sends it {@code signal} (e.g. {@code STOP}, {@code CONT}) with the shell's {@code kill}, which every shell has. */
    void signal(String signal) {
        Commands.run("sh", "-c", "kill -" + signal + " " + process.pid());
    }

    /** Sends it SIGTERM without waiting (a worker starts leaving the cluster); {@link #close} waits. */
    void terminate() {
        process.destroy();
    }

    /** Kills it with SIGKILL and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /**
     * Stops it: continued if stopped, SIGTERM (a worker leaves the cluster gracefully), SIGKILL after
     * 15 s; returns once it has exited. Idempotent.
     */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            Commands.attempt("", "sh", "-c", "kill -CONT " + process.pid());
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
