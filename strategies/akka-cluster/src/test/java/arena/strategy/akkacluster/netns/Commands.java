package arena.strategy.akkacluster.netns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the short system commands the namespace harness needs ({@code ip}, {@code nft}, the shell's {@code kill}) and
 * returns their output, failing with the command and what it printed when it exits non-zero.
 * Stateless; any thread.
 */
final class Commands {

    private static final long TIMEOUT_SECONDS = 30;

    private Commands() {
    }

    /**
     * The system directories where {@code ip} and {@code nft} live, which a root shell has on its PATH
     * but a build's environment may lack.
     */
    private static final List<String> SYSTEM_DIRECTORIES = List.of("/usr/local/sbin", "/usr/sbin", "/sbin");

    /**
     * A process builder for {@code command} whose first word, when not a path, is found on the PATH
     * or in the system directories, and whose PATH holds those directories (for the commands
     * {@code ip netns exec} runs).
     */
    static ProcessBuilder builder(List<String> command) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        List<String> directories = new java.util.ArrayList<>(List.of(path.split(":")));
        SYSTEM_DIRECTORIES.stream().filter(d -> !directories.contains(d)).forEach(directories::add);
        List<String> resolved = new java.util.ArrayList<>(command);
        if (!resolved.get(0).contains("/")) {
            directories.stream().map(d -> java.nio.file.Path.of(d, command.get(0))).filter(java.nio.file.Files::isExecutable).findFirst()
                    .ifPresent(found -> resolved.set(0, found.toString()));
        }
        ProcessBuilder builder = new ProcessBuilder(resolved);
        builder.environment().put("PATH", String.join(":", directories));
        return builder;
    }

    /** Runs {@code command} with {@code input} on its standard input; returns its output, or throws naming it. */
    static String runWithInput(String input, String... command) {
        Result result = attempt(input, command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("'" + String.join(" ", command) + "' exited with " + result.exitCode() + ": "
                    + result.output().strip());
        }
        return result.output();
    }

    /** Runs {@code command} without input; as {@link #runWithInput}. */
    static String run(String... command) {
        return runWithInput("", command);
    }

    /** Runs {@code command} and returns its exit code and output, whatever the code. */
    static Result attempt(String input, String... command) {
        Process process;
        try {
            process = builder(List.of(command)).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(127, "cannot run " + command[0] + ": " + e.getMessage());
        }
        try {
            try (var stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return new Result(124, "timed out after " + TIMEOUT_SECONDS + " s: " + output);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            process.destroyForcibly();
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command[0], e);
        }
    }

    /**
     * A finished command.
     *
     * @param exitCode its exit code (127: could not be started, 124: timed out)
     * @param output   its standard output and error, merged
     */
    record Result(int exitCode, String output) {
    }
}
