package arena.bench.measure;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How fast the machine's CPUs ran a fixed piece of work at moments of a run: the {@link SpeedCheck}s
 * made between the forks of {@code compare --forks}. On a shared host a CPU's speed can move by a
 * quarter for tens of seconds while the hypervisor accounts no steal time (another guest on the same
 * physical core), one CPU at a time, and for vector code more than scalar code
 * (docs/BENCHMARKS.md, section 6i); a difference between two forks of that size is then the
 * machine's, not the model's. Immutable.
 *
 * @param checks every check of the run, in the order made; empty when none was made (in-process, or a
 *               file from before the checks)
 */
public record MachineSpeed(List<Check> checks) {

    /** No check made. */
    public static final MachineSpeed NONE = new MachineSpeed(List.of());

    /**
     * A kernel's check time over its fastest beyond which the machine "moved": 10%, beyond the checks'
     * own scatter (on the 2-core Zen 5 in its quiet minutes, the vector checks of one run lay within
     * 3-8% of each other), where the slow moments that matter were 15-40% (docs/BENCHMARKS.md, section 6i).
     */
    public static final double MOVED_BEYOND = 1.10;

    /**
     * How far apart the CPUs may typically run at one moment before a report says so: 3%, the band
     * one-thread rows are held to against the baseline (the checks of one moment scatter by about 1%
     * on a quiet machine).
     */
    public static final double APART_BEYOND = 1.03;

    /** Copies the list; null reads as none (a file from before the checks). */
    public MachineSpeed {
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /**
     * One check: every CPU of the machine running the same small problem on one kernel at once, one
     * thread per CPU. Immutable.
     *
     * @param startedMs when the checks of that moment (one per kernel, one after another) started,
     *                  milliseconds since the epoch (as a sample's {@code sample_started_ms})
     * @param kernel    the kernel's name
     * @param cpuMs     each thread's time, milliseconds: the fastest of its runs
     * @param cpus      the CPU each thread ran on, in the order of {@code cpuMs}; -1 where it changed CPU or
     *                  the system does not say (not Linux)
     * @param workload  what each thread ran; null in a file from before it was recorded
     */
    public record Check(long startedMs, String kernel, List<Double> cpuMs, List<Integer> cpus,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Workload workload) {

        /** Copies the lists, which must be as long as each other and not empty. */
        public Check {
            cpuMs = List.copyOf(cpuMs);
            cpus = List.copyOf(cpus);
            if (cpuMs.isEmpty() || cpuMs.size() != cpus.size()) {
                throw new IllegalArgumentException("a check needs one time and one CPU per thread, got " + cpuMs.size() + " times and "
                        + cpus.size() + " CPUs");
            }
        }

        /** A check whose workload is not known (a file from before it was recorded). */
        public Check(long startedMs, String kernel, List<Double> cpuMs, List<Integer> cpus) {
            this(startedMs, kernel, cpuMs, cpus, null);
        }

        /** The slowest thread's time per escape-time iteration, nanoseconds; NaN when the workload is not known. */
        double slowestNanosPerIteration() {
            return workload == null ? Double.NaN : Range.of(cpuMs).slowest() * 1e6 / workload.iterations();
        }
    }

    /**
     * What each thread of a check ran: the chapter's {@code c} at a resolution sized for the run (so
     * that a run takes about 4 ms once warm: the size differs from run to run), how much work that
     * is, and which code did it. Two runs' checks compare as time per iteration, and only when
     * their kernel's code is the same: a build that made the kernel itself faster or slower would
     * otherwise read as a faster or slower machine. Immutable.
     *
     * @param resolution    the problem's resolution (pixels per side)
     * @param iterations    the escape-time iterations of one run of the problem, the sum of its counts; positive
     * @param kernelSha256  the {@linkplain KernelCode#sha256 SHA-256 of the kernel's code}; null when it could not be read
     */
    public record Workload(int resolution, long iterations, @JsonInclude(JsonInclude.Include.NON_NULL) String kernelSha256) {

        /** @throws IllegalArgumentException when the resolution or the iterations are not positive */
        public Workload {
            if (resolution < 1 || iterations < 1) {
                throw new IllegalArgumentException("a workload needs a positive resolution and iterations, got " + resolution + ", "
                        + iterations);
            }
        }
    }

    /**
     * How fast the machine typically ran one kernel's check on its slowest CPU during a run, to set
     * beside another run's ({@code arena diff}). Immutable.
     *
     * @param nanosPerIteration the median over the kernel's checks of the slowest thread's time per iteration,
     *                          nanoseconds; NaN when the checks do not say what they ran
     * @param kernelSha256      the SHA-256 of the code the checks ran; null when not known
     */
    public record TypicalSpeed(double nanosPerIteration, String kernelSha256) {

        /**
         * How much slower the slower of this and {@code other} was, at least 1; NaN when their
         * kernels' code differs or either is not known (then the checks do not compare).
         */
        public double factorTo(TypicalSpeed other) {
            if (kernelSha256 == null || !kernelSha256.equals(other.kernelSha256) || Double.isNaN(nanosPerIteration)
                    || Double.isNaN(other.nanosPerIteration)) {
                return Double.NaN;
            }
            return Math.max(nanosPerIteration, other.nanosPerIteration) / Math.min(nanosPerIteration, other.nanosPerIteration);
        }
    }

    /**
     * Per kernel, in the order of the first check: how much slower its slowest check time (any CPU,
     * any moment) was than its fastest, as a ratio at least 1.
     */
    public Map<String, Double> slowdownPerKernel() {
        Map<String, Double> slowdown = new LinkedHashMap<>();
        rangePerKernel().forEach((kernel, range) -> slowdown.put(kernel, range.slowest() / range.fastest()));
        return slowdown;
    }

    /**
     * How slow the machine was for {@code kernel} around a fork that measured from {@code fromMs} to
     * {@code toMs}: the last check of that kernel started at or before {@code fromMs} and the first
     * started at or after {@code toMs}, each as its slowest thread over the kernel's fastest time in
     * the whole run, the larger of the two; NaN when no check of that kernel lies on either side.
     */
    public double slowdownAround(String kernel, long fromMs, long toMs) {
        Range range = rangePerKernel().get(kernel);
        Check before = null, after = null;
        for (Check check : checks) {
            if (check.kernel().equals(kernel) && check.startedMs() <= fromMs) {
                before = check;
            }
            if (check.kernel().equals(kernel) && after == null && check.startedMs() >= toMs) {
                after = check;
            }
        }
        return java.util.stream.Stream.of(before, after).filter(java.util.Objects::nonNull)
                .mapToDouble(check -> Range.of(check.cpuMs()).slowest() / range.fastest()).max().orElse(Double.NaN);
    }

    /**
     * Per kernel checked, in the order of the first check: how fast the machine typically ran it on
     * its slowest CPU during the run, per iteration (so whatever size each run chose), to set beside
     * another run's ({@code arena diff}), from the checks that carry their {@linkplain Workload
     * workload}; NaN, with no code, for a kernel none of whose checks does (a file from before).
     */
    public Map<String, TypicalSpeed> typicalSlowestPerKernel() {
        Map<String, List<Double>> slowest = new LinkedHashMap<>();
        Map<String, String> code = new LinkedHashMap<>();
        for (Check check : checks) {
            List<Double> nanos = slowest.computeIfAbsent(check.kernel(), k -> new ArrayList<>());
            if (check.workload() != null) {
                nanos.add(check.slowestNanosPerIteration());
                code.putIfAbsent(check.kernel(), check.workload().kernelSha256());
            }
        }
        Map<String, TypicalSpeed> typical = new LinkedHashMap<>();
        slowest.forEach((kernel, nanos) -> typical.put(kernel,
                new TypicalSpeed(nanos.isEmpty() ? Double.NaN : Stats.of(nanos).median(), code.get(kernel))));
        return typical;
    }

    /**
     * Per kernel checked on two CPUs or more, in the order of the first check: how far apart the CPUs
     * typically ran at one moment, the median over its checks of the slowest thread's time over the
     * fastest's in the same check. On a shared host one CPU can run a tenth slower than another for
     * minutes (docs/BENCHMARKS.md, section 6i), so a one-thread row whose work runs on another thread
     * than the baseline's (which runs on its fork's main thread) can differ from it by about that much
     * for that reason alone.
     */
    public Map<String, Double> typicalApartPerKernel() {
        Map<String, List<Double>> apart = new LinkedHashMap<>();
        for (Check check : checks) {
            if (check.cpuMs().size() > 1) {
                Range range = Range.of(check.cpuMs());
                apart.computeIfAbsent(check.kernel(), k -> new ArrayList<>()).add(range.slowest() / range.fastest());
            }
        }
        Map<String, Double> typical = new LinkedHashMap<>();
        apart.forEach((kernel, ratios) -> typical.put(kernel, Stats.of(ratios).median()));
        return typical;
    }

    /** Whether some kernel's CPUs {@linkplain #typicalApartPerKernel() typically ran apart} beyond {@link #APART_BEYOND}. */
    public boolean cpusApart() {
        return typicalApartPerKernel().values().stream().anyMatch(apart -> apart > APART_BEYOND);
    }

    /** Per kernel, in the order of the first check: its fastest and slowest thread time over every check. */
    private Map<String, Range> rangePerKernel() {
        Map<String, Range> ranges = new LinkedHashMap<>();
        for (Check check : checks) {
            ranges.merge(check.kernel(), Range.of(check.cpuMs()), Range::with);
        }
        return ranges;
    }

    /** The fastest and the slowest of some check times, milliseconds. */
    private record Range(double fastest, double slowest) {

        static Range of(List<Double> ms) {
            return new Range(ms.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                    ms.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        }

        Range with(Range other) {
            return new Range(Math.min(fastest, other.fastest), Math.max(slowest, other.slowest));
        }
    }

    /** The largest of {@link #slowdownPerKernel()}; 1 when no check was made. */
    public double worstSlowdown() {
        return slowdownPerKernel().values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
    }

    /** Whether some kernel's slowdown went beyond {@link #MOVED_BEYOND}. */
    public boolean moved() {
        return worstSlowdown() > MOVED_BEYOND;
    }

    /**
     * One line for a report: how many checks, on how many CPUs, and each kernel's fastest and slowest
     * time with their ratio and, on two CPUs or more, how far apart the CPUs typically ran at one
     * moment ({@link #typicalApartPerKernel}); empty when no check was made.
     */
    public Optional<String> summary() {
        if (checks.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Double> apart = typicalApartPerKernel();
        List<String> kernels = new ArrayList<>();
        rangePerKernel().forEach((kernel, range) -> kernels.add(String.format(Locale.ROOT, "%s %.2f-%.2f ms (%.2fx%s)", kernel,
                range.fastest(), range.slowest(), range.slowest() / range.fastest(), apart.containsKey(kernel)
                        ? String.format(Locale.ROOT, "; the CPUs %.2fx apart at one moment, median", apart.get(kernel)) : "")));
        long moments = checks.stream().mapToLong(Check::startedMs).distinct().count();
        return Optional.of(String.format(Locale.ROOT, "machine: %d speed checks between forks, every CPU (%d) at once: %s", moments,
                checks.get(0).cpuMs().size(), String.join(", ", kernels)));
    }

    /**
     * The warning when the machine {@linkplain #moved() moved}: by how much, and what that means for
     * reading the rows; empty otherwise.
     */
    public Optional<String> warning() {
        if (!moved()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "warning: the machine's speed moved during this run: the same work took up to "
                + "%.2fx as long on one CPU or at one moment as on another (speed checks between forks, no steal time needed): "
                + "differences between rows or runs of that size may be the machine's, not the models'", worstSlowdown()));
    }
}
