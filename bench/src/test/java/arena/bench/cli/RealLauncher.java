package arena.bench.cli;

import arena.core.testkit.Waits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts the real {@code ./arena} launcher of this checkout (the packaged jar, never a rebuild:
 * {@code ARENA_NO_BUILD=1}) in a session and process group of its own ({@code setsid}), so that a
 * signal sent to that group never reaches Maven or CI; JAVA_HOME is the JDK running the tests, and
 * the signals a background job inherits as ignored are reset to their defaults, as in a terminal.
 * Also reads {@code /proc} to find a run's JVM and to check that nothing of a group is left. For
 * integration tests (the launcher and jar exist only after {@code package}); one test thread.
 */
final class RealLauncher {

    /** The launcher script, from the system property set by the build (failsafe). */
    static final Path SCRIPT = Path.of(System.getProperty("arena.launcher", "../arena")).toAbsolutePath().normalize();

    private RealLauncher() {
    }

    /** A process builder for {@code command} in a new session, with the launcher's environment and TMPDIR {@code tmp}. */
    static ProcessBuilder inNewSession(Path tmp, Map<String, String> extraEnvironment, List<String> command) {
        List<String> full = new ArrayList<>(List.of("setsid", "env", "--default-signal=INT,TERM,HUP,QUIT"));
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full);
        Map<String, String> env = builder.environment();
        env.remove("ARENA_JAVA_OPTS");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("ARENA_NO_BUILD", "1");
        env.put("TMPDIR", tmp.toString());
        env.put("SHELL", "/bin/sh");
        env.putAll(extraEnvironment);
        return builder;
    }

    /** {@code ./arena args...} as a command line. */
    static List<String> arena(String... args) {
        List<String> command = new ArrayList<>();
        command.add(SCRIPT.toString());
        command.addAll(List.of(args));
        return command;
    }

    /** The same, quoted for {@code sh -c}. */
    static String arenaForShell(String... args) {
        return String.join(" ", arena(args).stream().map(RealLauncher::quote).toList());
    }

    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * Waits until a JVM running the arena jar, {@code root} itself or one of its descendants, has a
     * live thread whose name starts with {@code threadPrefix} (Linux cuts names to 15 characters),
     * and returns its pid; fails after {@code timeout}.
     */
    static long awaitJvmWithThread(long root, String threadPrefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (long pid : selfAndDescendants(root)) {
                if (isArenaJvm(pid) && hasThread(pid, threadPrefix)) {
                    return pid;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no arena JVM under pid " + root + " had a thread '" + threadPrefix + "' within " + timeout);
    }

    /** Whether {@code pid} is a live (not zombie) process. */
    static boolean isRunning(long pid) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        return stat != null && !state(stat).equals("Z");
    }

    /**
     * Waits up to {@code timeout} until no live process is left in process group {@code group} and
     * returns those left; once none is, the launcher's stderr filter has written everything.
     */
    static List<Long> awaitGroupGone(long group, Duration timeout) throws InterruptedException {
        return Waits.pollUntilEmpty(() -> liveMembers(group), timeout, Duration.ofMillis(50));
    }

    /** Kills every process left in process group {@code group} (a test's cleanup, whatever the outcome). */
    static void destroyGroup(long group) {
        liveMembers(group).forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    /** The process group of {@code pid}. */
    static long groupOf(long pid) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        if (stat == null) {
            throw new AssertionError("process " + pid + " is gone");
        }
        return Long.parseLong(afterName(stat)[2]);
    }

    /** Waits for {@code process} to end within {@code timeout}, killing it (and failing) otherwise; returns its exit code. */
    static int exitCodeWithin(Process process, Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("the process did not end within " + timeout);
        }
        return process.exitValue();
    }

    private static List<Long> selfAndDescendants(long root) {
        List<Long> pids = new ArrayList<>();
        pids.add(root);
        ProcessHandle.of(root).ifPresent(handle -> handle.descendants().forEach(child -> pids.add(child.pid())));
        return pids;
    }

    private static boolean isArenaJvm(long pid) {
        String cmdline = read(Path.of("/proc", Long.toString(pid), "cmdline"));
        return cmdline != null && cmdline.contains("arena.jar") && cmdline.startsWith(System.getProperty("java.home"));
    }

    private static boolean hasThread(long pid, String prefix) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.map(task -> read(task.resolve("comm"))).anyMatch(name -> name != null && name.startsWith(prefix));
        } catch (IOException | UncheckedIOException gone) {
            return false;
        }
    }

    private static List<Long> liveMembers(long group) {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> {
                        String stat = read(p.resolve("stat"));
                        return stat != null && !state(stat).equals("Z") && Long.parseLong(afterName(stat)[2]) == group;
                    })
                    .map(p -> Long.parseLong(p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fields of a /proc stat line after "pid (name)": state, ppid, pgrp, ... */
    private static String[] afterName(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    private static String state(String stat) {
        return afterName(stat)[0];
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException gone) {
            return null;
        }
    }
}
