package arena.bench.measure;

import arena.core.CountGrid;
import arena.core.concurrent.FirstFailure;
import arena.core.concurrent.Uninterruptibly;
import arena.core.kernel.Kernel;
import arena.core.kernel.Kernels;
import arena.core.problem.JuliaParams;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Times the machine's CPUs on the run's own kernels, so that a report can say whether the machine
 * kept its speed while it measured ({@link MachineSpeed}). A {@linkplain #check() check} starts one
 * platform thread per CPU ({@code availableProcessors}), lets them go at once, and has each run one
 * kernel on a small problem of the chapter's {@code c} (sized on first use to about
 * {@value #TARGET_MS} ms a run) once untimed and then {@value #RUNS} times, keeping its fastest run
 * and the CPU it ran on; every kernel in turn. Each check says what it ran
 * ({@link MachineSpeed.Workload}: the size, its iterations and the kernel's code), so that checks of
 * two runs compare. With every CPU busy, each thread stays on a CPU of its own, so a CPU that runs
 * slower (a busy neighbour on the host's core) shows as one slow thread.
 * Only kernels that run in Java are checked (a run of the {@code openmp} strategy's native kernels
 * alone has no check).
 * {@code compare --forks} checks before every fork and after the last, while no child runs; about
 * 25 ms per kernel a check, and once per kernel a warm-up that sizes its problem (until its runs stop
 * getting faster and the JIT compiler is idle, then again on the sized problem; 0.4 to 5 s).
 *
 * <p>Threading: used by one thread at a time, the command's. An interrupt of that thread ends a
 * kernel's warm-up early (the command is being stopped; its next fork will not start). A check joins
 * every thread it started before it returns, also when the calling thread is interrupted meanwhile (a
 * check lasts tens of milliseconds; the interrupt flag is kept); a kernel that throws in any thread
 * fails the check with the first exception thrown as its cause, after every thread has ended.
 */
public final class SpeedCheck {

    /** About how long one run of a check's problem takes, milliseconds. */
    static final double TARGET_MS = 4;

    /** The band a run of a sized problem lies in once warm, milliseconds: about {@link #TARGET_MS}. */
    static final double FASTEST_MS = 0.7 * TARGET_MS, SLOWEST_MS = 1.4 * TARGET_MS;

    /** Timed runs per thread and check; the fastest counts, so that a short interruption does not. */
    static final int RUNS = 5;

    /** The resolution at which a kernel is warmed up and timed to size its problem. */
    private static final int SIZING_RESOLUTION = 100;

    /** How long a kernel is warmed up before its problem is sized, at least and at most, nanoseconds. */
    private static final long MIN_WARM_UP_NANOS = 400_000_000L, MAX_WARM_UP_NANOS = 5_000_000_000L;

    /** Runs per round of the warm-up; it ends when a round's fastest run is within 3% of the round's before and nothing was compiled meanwhile. */
    private static final int WARM_UP_ROUND = 20;

    /** How often a problem is scaled again after the first sizing, at most. */
    private static final int MAX_RESIZES = 3;

    /** The smallest resolution a check's problem gets. */
    private static final int MIN_RESOLUTION = 16;

    /** How often a check is made at most when two of its threads shared a CPU or one changed CPU (the JVM's own threads were busy). */
    static final int ATTEMPTS = 3;

    /** The name prefix of a check's threads; the thread's index follows. */
    static final String THREAD_PREFIX = "arena-speed-check-";

    private final List<Kernel> kernels;
    private final int threads;
    private final Map<Kernel, MachineSpeed.Workload> workloads = new LinkedHashMap<>();
    private final List<MachineSpeed.Check> checks = new ArrayList<>();

    /** Checks on {@code kernels} with one thread per CPU this JVM may use. */
    public SpeedCheck(Collection<Kernel> kernels) {
        this(kernels, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Checks on those of {@code kernels} that {@linkplain Kernels#runsInJava run in Java} (a strategy's
     * native kernel is left out: only its strategy may call it), with {@code threads} threads at once.
     */
    SpeedCheck(Collection<Kernel> kernels, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("a speed check needs at least one thread, got " + threads);
        }
        this.kernels = kernels.stream().filter(Kernels::runsInJava).toList();
        this.threads = threads;
    }

    /**
     * Makes one check of every kernel now, one after another, all stamped with the moment this call
     * began, and keeps them. A check in which two threads ran on the same CPU (so that each had half of
     * it: this JVM's compiler or collector threads held another) or a thread changed CPU is made
     * again, at most {@value #ATTEMPTS} times in all; the last one is kept.
     */
    public void check() {
        long moment = System.currentTimeMillis();
        for (Kernel kernel : kernels) {
            MachineSpeed.Workload workload = workloads.computeIfAbsent(kernel, SpeedCheck::workload);
            MachineSpeed.Check check = check(moment, kernel, workload);
            for (int attempt = 1; attempt < ATTEMPTS && disturbed(check); attempt++) {
                check = check(moment, kernel, workload);
            }
            checks.add(check);
        }
    }

    /**
     * Whether two threads of {@code check} ran on the same CPU, or one changed CPU while it was timed
     * (it may have shared one meanwhile). A CPU of -1 among known ones is a thread that changed CPU; a
     * check whose CPUs are all -1 comes from a system that does not name them, and counts as undisturbed.
     */
    static boolean disturbed(MachineSpeed.Check check) {
        List<Integer> known = check.cpus().stream().filter(cpu -> cpu >= 0).toList();
        boolean changedCpu = !known.isEmpty() && known.size() < check.cpus().size();
        return changedCpu || known.stream().distinct().count() < known.size();
    }

    /** Every check made so far. */
    public MachineSpeed result() {
        return new MachineSpeed(checks);
    }

    /**
     * What {@code kernel}'s checks run: its {@linkplain #sizeProblem sized problem}, the iterations of
     * one run of it (the sum of its counts) and the kernel's {@linkplain KernelCode code}.
     */
    static MachineSpeed.Workload workload(Kernel kernel) {
        JuliaParams problem = sizeProblem(kernel);
        int[] counts = new int[problem.size() * problem.size()];
        kernel.computeRows(problem, counts, 0, problem.size());
        long iterations = new CountGrid(problem.size(), counts).sum();
        return new MachineSpeed.Workload(problem.resolution(), Math.max(iterations, 1), KernelCode.sha256(kernel));
    }

    /**
     * The chapter's {@code c} at the resolution where one run of {@code kernel} takes about
     * {@link #TARGET_MS} ({@link #FASTEST_MS} to {@link #SLOWEST_MS}), once it is warm. The kernel is warmed up on a
     * small problem, the problem scaled to the target from its fastest run, and the scaled problem
     * warmed up and timed again, scaling again while it lies outside that band: a kernel that the JIT
     * compiler made faster only after the first warm-up seemed to have ended (a plateau in a lower
     * tier) is thus still sized to the target. Past {@link #MAX_WARM_UP_NANOS} each warm-up is one
     * round; an interrupt ends it early.
     */
    static JuliaParams sizeProblem(Kernel kernel) {
        long start = System.nanoTime();
        JuliaParams problem = JuliaParams.of(SIZING_RESOLUTION, JuliaParams.SEED_C);
        double ms = warmUp(kernel, problem, start);
        for (int resize = 0; resize < MAX_RESIZES && (ms < FASTEST_MS || ms > SLOWEST_MS) && !Thread.currentThread().isInterrupted(); resize++) {
            JuliaParams scaled = scaled(problem, ms);
            if (scaled.resolution() == problem.resolution()) {
                break; // at a bound of the resolution
            }
            problem = scaled;
            ms = warmUp(kernel, problem, start);
        }
        return problem;
    }

    /** The chapter's {@code c} at the resolution where a run would take {@link #TARGET_MS}, when one of {@code problem} took {@code ms}. */
    static JuliaParams scaled(JuliaParams problem, double ms) {
        int resolution = (int) Math.round(problem.resolution() * Math.sqrt(TARGET_MS / Math.max(ms, 1e-3)));
        return JuliaParams.of(Math.clamp(resolution, MIN_RESOLUTION, JuliaParams.SEED_RESOLUTION), JuliaParams.SEED_C);
    }

    /**
     * Runs {@code kernel} on {@code problem} in rounds of {@value #WARM_UP_ROUND} until a round's
     * fastest run is within 3% of the round's before and the JIT compiler compiled nothing during it,
     * and at least {@link #MIN_WARM_UP_NANOS} after {@code start}; at most until
     * {@link #MAX_WARM_UP_NANOS} after {@code start} (then one round) or an interrupt.
     *
     * @return the last round's fastest run, milliseconds
     */
    private static double warmUp(Kernel kernel, JuliaParams problem, long start) {
        int[] counts = new int[problem.size() * problem.size()];
        double previous = Double.MAX_VALUE;
        while (true) {
            long compiledBefore = compilationMillis();
            double ms = fastestRun(kernel, problem, counts, WARM_UP_ROUND);
            boolean steady = ms >= 0.97 * previous && compilationMillis() == compiledBefore;
            long elapsed = System.nanoTime() - start;
            if (elapsed >= MAX_WARM_UP_NANOS || (steady && elapsed >= MIN_WARM_UP_NANOS) || Thread.currentThread().isInterrupted()) {
                return ms;
            }
            previous = ms;
        }
    }

    /** The JIT compiler's time so far in this JVM, milliseconds; 0 where the JVM does not say. */
    private static long compilationMillis() {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        return compiler != null && compiler.isCompilationTimeMonitoringSupported() ? compiler.getTotalCompilationTime() : 0;
    }

    private MachineSpeed.Check check(long moment, Kernel kernel, MachineSpeed.Workload workload) {
        JuliaParams problem = JuliaParams.of(workload.resolution(), JuliaParams.SEED_C);
        double[] ms = new double[threads];
        int[] cpus = new int[threads];
        FirstFailure failure = new FirstFailure();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> started = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int index = t;
                started.add(Thread.ofPlatform().name(THREAD_PREFIX + t).start(() -> {
                    try {
                        go.await();
                        int[] counts = new int[problem.size() * problem.size()];
                        kernel.computeRows(problem, counts, 0, problem.size());
                        int before = currentCpu();
                        ms[index] = fastestRun(kernel, problem, counts, RUNS);
                        int after = currentCpu();
                        cpus[index] = before == after ? before : -1;
                    } catch (Throwable e) {
                        failure.fail(e);
                    }
                }));
            }
        } finally {
            go.countDown();
            Uninterruptibly.joinAll(started.toArray(Thread[]::new), started.size(), () -> { });
        }
        if (failure.cause() != null) {
            throw new IllegalStateException("the speed check of kernel " + kernel.name() + " failed: " + failure.cause(), failure.cause());
        }
        return new MachineSpeed.Check(moment, kernel.name(), java.util.Arrays.stream(ms).boxed().toList(),
                java.util.Arrays.stream(cpus).boxed().toList(), workload);
    }

    private static double fastestRun(Kernel kernel, JuliaParams problem, int[] counts, int runs) {
        long fastest = Long.MAX_VALUE;
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            kernel.computeRows(problem, counts, 0, problem.size());
            fastest = Math.min(fastest, System.nanoTime() - start);
        }
        return fastest / 1e6;
    }

    /** The CPU the calling thread last ran on (Linux's /proc/thread-self/stat); -1 where the system does not say. */
    static int currentCpu() {
        try {
            return processor(Files.readString(Path.of("/proc/thread-self/stat")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * The {@code processor} field (the 39th) of a {@code /proc/<pid>/task/<tid>/stat} line; -1 when it
     * has none. The fields are counted after the command name, which is in parentheses and may hold spaces.
     */
    static int processor(String stat) {
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            return -1;
        }
        String[] fields = stat.substring(end + 1).trim().split("\\s+");
        // fields[0] is the state, the 3rd field of the line; the processor is the 39th
        int index = 39 - 3;
        return fields.length > index ? Integer.parseInt(fields[index]) : -1;
    }
}
