package arena.strategy.akkacluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The worker JVMs the {@code local-workers} option starts on this machine: each runs
 * {@link WorkerMain} on {@code 127.0.0.1}, port 0, with this JVM's own java binary, JVM flags (from
 * {@link java.lang.management.RuntimeMXBean#getInputArguments()}, less any debugger agent, whose port
 * would clash) and class path, so a worker runs exactly the code and flags of the launcher. Each
 * JVM's output (standard output and error merged) is drained by a thread named
 * {@code arena-akka-cluster-worker-output-N}, which keeps its last lines for error messages and
 * ends with the process.
 *
 * <p>Threading: created and closed by the strategy's opening or closing thread; {@link #exited} and
 * {@link #processes} may be called from any thread.
 */
final class LocalWorkers implements AutoCloseable {

    /** How long a worker JVM gets to leave gracefully after SIGTERM before it is killed. */
    static final long GRACEFUL_STOP_SECONDS = 10;

    private static final int KEPT_LINES = 30;

    private final List<Process> processes = new ArrayList<>();
    private final List<Deque<String>> outputs = new ArrayList<>();
    private final List<Thread> drains = new ArrayList<>();

    private LocalWorkers() {
    }

    /**
     * Starts {@code count} worker JVMs joining the cluster through {@code contact} (the coordinator), each
     * computing {@code threads} chunks at once, with the coordinator's transport and timings. Does not
     * wait for them to join.
     */
    static LocalWorkers start(int count, HostPort contact, int threads, NodeOptions options) {
        LocalWorkers workers = new LocalWorkers();
        try {
            for (int k = 0; k < count; k++) {
                workers.startOne(k, command(contact, threads, options));
            }
        } catch (RuntimeException e) {
            workers.close();
            throw e;
        }
        return workers;
    }

    private static List<String> command(HostPort contact, int threads, NodeOptions options) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!flag.startsWith("-agentlib:jdwp") && !flag.startsWith("-Xrunjdwp") && !flag.equals("-Xdebug")) {
                command.add(flag);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), WorkerMain.class.getName(),
                "--host", "127.0.0.1", "--port", "0", "--join", contact.toString(), "--threads", Integer.toString(threads),
                "--coordinator-contact"));
        command.addAll(options.workerArgs());
        return command;
    }

    private void startOne(int k, List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start worker JVM " + k + " with " + command.getFirst(), e);
        }
        processes.add(process);
        Deque<String> output = new ArrayDeque<>();
        outputs.add(output);
        drains.add(Thread.ofPlatform().name("arena-akka-cluster-worker-output-" + k).daemon().start(() -> drain(process, output)));
    }

    private static void drain(Process process, Deque<String> output) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (output) {
                    output.addLast(line);
                    if (output.size() > KEPT_LINES) {
                        output.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // the process is gone; nothing more to read
        }
    }

    /** The worker processes, in start order. */
    List<Process> processes() {
        return List.copyOf(processes);
    }

    /** A description of the first worker JVM that has exited, with its last output; empty while all run. */
    Optional<String> exited() {
        for (int k = 0; k < processes.size(); k++) {
            Process process = processes.get(k);
            if (!process.isAlive()) {
                String lines;
                synchronized (outputs.get(k)) {
                    lines = String.join(System.lineSeparator(), outputs.get(k));
                }
                return Optional.of("worker JVM " + k + " (pid " + process.pid() + ") exited with code " + process.exitValue()
                        + (lines.isEmpty() ? " and printed nothing" : "; its last output:" + System.lineSeparator() + lines));
            }
        }
        return Optional.empty();
    }

    /**
     * Stops every worker JVM: SIGTERM first (each leaves the cluster gracefully), then, after
     * {@link #GRACEFUL_STOP_SECONDS}, a forcible kill; returns once all have exited and their output
     * threads ended. Idempotent.
     */
    @Override
    public void close() {
        processes.forEach(Process::destroy);
        boolean interrupted = false;
        for (Process process : processes) {
            try {
                if (!process.waitFor(GRACEFUL_STOP_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                interrupted = true;
                process.destroyForcibly();
            }
        }
        for (Thread drain : drains) {
            try {
                drain.join(2_000);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
