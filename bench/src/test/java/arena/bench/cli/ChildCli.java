package arena.bench.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The arena command line as a real child JVM with this test JVM's class path and flags, for the
 * cases an in-process run cannot show: standard output that is a closed pipe, a device or a file
 * on a full file system. Also the few operating-system tools those tests need (mkfifo, mknod,
 * unshare), each run as a real process.
 */
final class ChildCli {

    private ChildCli() {
    }

    /** The command that runs {@code arena args...} in a fresh JVM. */
    static List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> !a.startsWith("-agentlib")).toList());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ArenaCli.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** {@link #command} as one line for {@code sh}, every word single-quoted. */
    static String shellCommand(String... args) {
        return command(args).stream().map(ChildCli::quote).collect(Collectors.joining(" "));
    }

    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** Runs a tool to its end (at most 60 s) and returns its exit code; its output goes to {@code log}. */
    static int tool(Path log, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError(String.join(" ", command) + " did not end within 60 s");
            }
            return process.exitValue();
        } finally {
            process.destroyForcibly();
        }
    }

    /** The names in {@code directory}, dot-files included, sorted. */
    static List<String> names(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The file-type bits of {@code path}'s mode (e.g. 0020000 for a character device), the link itself when it is one. */
    static int fileType(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:mode", java.nio.file.LinkOption.NOFOLLOW_LINKS) & 0170000;
    }
}
