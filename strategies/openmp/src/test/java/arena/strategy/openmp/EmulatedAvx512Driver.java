package arena.strategy.openmp;

import arena.core.CountGrid;
import arena.core.problem.JuliaParams;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The module's kernel source compiled with {@code -DARENA_EMULATE_AVX512} (AVX-512 intrinsics through
 * SIMDe's portable C) together with {@code src/test/c/arena_emulated_driver.c} into a test program
 * under {@code target/}, and run once per problem as a child process, so that the {@code c-avx512}
 * code runs on a CPU without AVX-512. The flags are the shipped library's ({@code -O3 -fopenmp
 * -ffp-contract=off}, no {@code -march}). Every run waits for its process, and kills it on a timeout,
 * so none is left behind. Used from one test thread at a time.
 */
final class EmulatedAvx512Driver {

    /** The header the emulated build needs (Debian: {@code libsimde-dev}). */
    static final Path SIMDE_HEADER = Path.of("/usr/include/simde/x86/avx512.h");
    /** {@code arena_julia}'s kernel codes. */
    static final int C_SCALAR = 0, C_AVX512 = 1;

    private static final Pattern RESULT = Pattern.compile("status (-?\\d+) at_nmax (-?\\d+)");
    private static final long TIMEOUT_SECONDS = 120;

    private final Path program;
    private final Path work;

    private EmulatedAvx512Driver(Path program, Path work) {
        this.program = program;
        this.work = work;
    }

    /** Why the emulated build cannot be made on this machine (no gcc, no SIMDe header), if it cannot. */
    static Optional<String> whyUnavailable() {
        if (!Files.isRegularFile(SIMDE_HEADER)) {
            return Optional.of(SIMDE_HEADER + " is missing (install libsimde-dev)");
        }
        try {
            Run version = Run.of(List.of("gcc", "--version"));
            if (version.exit != 0) {
                return Optional.of("gcc --version exited with " + version.exit);
            }
        } catch (IOException e) {
            return Optional.of("no gcc on the PATH: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while looking for gcc");
        }
        return Optional.empty();
    }

    /** Compiles the test program into {@code target/emulated-avx512}; a compiler error fails with its output. */
    static EmulatedAvx512Driver build() throws IOException, InterruptedException {
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        Path work = Files.createDirectories(module.resolve("target/emulated-avx512"));
        Path program = work.resolve("arena_emulated_driver");
        List<String> command = List.of("gcc", "-O3", "-fopenmp", "-ffp-contract=off", "-Wall", "-Wno-psabi", "-Werror",
                "-DARENA_EMULATE_AVX512", "-o", program.toString(),
                module.resolve("src/main/c/arena_openmp.c").toString(),
                module.resolve("src/test/c/arena_emulated_driver.c").toString());
        Run run = Run.of(command);
        if (run.exit != 0) {
            throw new AssertionError("the emulated build failed: " + String.join(" ", command) + "\n" + run.output);
        }
        return new EmulatedAvx512Driver(program, work);
    }

    /** One run's grid and its {@code at_nmax} (the points at {@code n_max}, the OpenMP reduction). */
    record Result(CountGrid grid, long atNMax) {
    }

    /** The whole grid of {@code params} by {@code kernel} on {@code threads} OpenMP threads, schedule {@code kind} (0 static, 1 dynamic, 2 guided) with {@code chunk}. */
    Result compute(JuliaParams params, int kernel, int threads, int kind, int chunk) throws IOException, InterruptedException {
        Path grid = work.resolve("grid.bin");
        long atNMax = run(params, kernel, threads, kind, chunk, grid, List.of(), 0);
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(grid)).order(ByteOrder.LITTLE_ENDIAN);
        int[] cells = new int[params.cellCount()];
        bytes.asIntBuffer().get(cells);
        return new Result(new CountGrid(params.size(), cells), atNMax);
    }

    /** Runs as {@link #compute} with the cancel flag set by a second native thread {@code millis} ms after the start; fails unless {@code arena_julia} returned ARENA_CANCELLED. */
    void computeCancelledAfter(JuliaParams params, int kernel, int threads, int kind, int chunk, long millis) throws IOException, InterruptedException {
        run(params, kernel, threads, kind, chunk, work.resolve("cancelled.bin"), List.of(Long.toString(millis)), 2);
    }

    /** Runs the driver; returns its {@code at_nmax}, failing unless it exits 0 with {@code arena_julia}'s status {@code expectedStatus}. */
    private long run(JuliaParams params, int kernel, int threads, int kind, int chunk, Path grid, List<String> extra, int expectedStatus)
            throws IOException, InterruptedException {
        Files.deleteIfExists(grid);
        List<String> command = new ArrayList<>(List.of(program.toString(), Integer.toString(params.resolution()),
                Double.toHexString(params.cRe()), Double.toHexString(params.cIm()), Double.toHexString(params.bound()),
                Double.toHexString(params.zMax()), Integer.toString(params.nMax()), Integer.toString(kernel),
                Integer.toString(threads), Integer.toString(kind), Integer.toString(chunk), grid.toString()));
        command.addAll(extra);
        Run run = Run.of(command);
        Matcher m = RESULT.matcher(run.output);
        if (run.exit != 0 || !m.find()) {
            throw new AssertionError("the emulated driver failed (exit " + run.exit + "): " + String.join(" ", command) + "\n" + run.output);
        }
        if (Integer.parseInt(m.group(1)) != expectedStatus) {
            throw new AssertionError("arena_julia returned status " + m.group(1) + ", not " + expectedStatus + ", for " + String.join(" ", command));
        }
        return Long.parseLong(m.group(2));
    }

    /** A finished child process: its exit status and its stdout and stderr together. */
    private record Run(int exit, String output) {

        /** Runs {@code command}, its output into a file (so a hung child cannot block the read), killed after the timeout. */
        static Run of(List<String> command) throws IOException, InterruptedException {
            Path log = Files.createTempFile("arena-emulated-", ".log");
            Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    throw new AssertionError("no exit within " + TIMEOUT_SECONDS + " s: " + String.join(" ", command));
                }
                return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                p.destroyForcibly();
                p.waitFor();
                Files.deleteIfExists(log);
            }
        }
    }
}
