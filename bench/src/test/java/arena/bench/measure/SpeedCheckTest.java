package arena.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import arena.core.kernel.Kernel;
import arena.core.kernel.Kernels;
import arena.core.problem.JuliaParams;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SpeedCheckTest {

    /** A task's stat line as Linux writes it, its name with a space and a parenthesis; the processor (39th field) is 3. */
    private static final String STAT = "4242 (arena (speed) 1) R 4200 4200 10261 0 -1 4194304 101 0 0 0 0 0 0 0 20 0 1 0 1299024 "
            + "3133440 405 18446744073709551615 94697771073536 94697771093417 140720628245184 0 0 0 0 0 0 0 0 0 17 3 0 0 0 0 0 "
            + "94697771109424 94697771111040 94698714980352 140720628247055 140720628247082 140720628247082 140720628248555 0\n";

    @Test
    void everyCheck_timesEveryKernelOnEveryThreadAtOnce_andLeavesNoThread() {
        int cpus = Runtime.getRuntime().availableProcessors();
        SpeedCheck speed = new SpeedCheck(List.of(Kernels.reference()), 2);

        speed.check();
        speed.check();

        List<MachineSpeed.Check> checks = speed.result().checks();
        assertThat(checks).hasSize(2).allSatisfy(check -> {
            assertThat(check.kernel()).isEqualTo("scalar");
            assertThat(check.cpuMs()).hasSize(2).allSatisfy(ms -> assertThat(ms).isPositive().isLessThan(1000));
            assertThat(check.cpus()).hasSize(2).allSatisfy(cpu -> assertThat(cpu).isBetween(-1, cpus - 1));
        });
        assertThat(checks.get(1).startedMs()).isGreaterThanOrEqualTo(checks.get(0).startedMs());
        // each check says what it ran: one size for the run, its iterations, the kernel's code
        MachineSpeed.Workload workload = checks.get(0).workload();
        assertThat(checks.get(1).workload()).isEqualTo(workload);
        JuliaParams problem = JuliaParams.of(workload.resolution(), JuliaParams.SEED_C);
        int[] counts = new int[problem.size() * problem.size()];
        Kernels.reference().computeRows(problem, counts, 0, problem.size());
        assertThat(workload.iterations()).isEqualTo(java.util.Arrays.stream(counts).asLongStream().sum());
        assertThat(workload.kernelSha256()).isEqualTo(KernelCode.sha256(Kernels.reference())).isNotNull();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith(SpeedCheck.THREAD_PREFIX));
    }

    @Test
    void aKernelIsSizedToAFewMillisecondsARun_once_warm() {
        JuliaParams problem = SpeedCheck.sizeProblem(Kernels.reference());

        assertThat(problem.c()).isEqualTo(JuliaParams.SEED_C);
        assertThat(problem.resolution()).isBetween(16, JuliaParams.SEED_RESOLUTION);
    }

    @Test
    void aKernelThatTurnsFastAfterItsFirstPlateau_isSizedAgain_toTheTargetOnceFast() {
        // 2 us a cell for its first 60 runs, then 0.2 us (as when the JIT compiler's last tier arrives
        // late): 20 ms at the sizing resolution, so the first warm-up's plateau (40 runs) sizes it to
        // resolution 45 (about 4 ms), where it turns ten times faster; it must end near resolution 141
        AtomicInteger runs = new AtomicInteger();
        Kernel lateCompiled = spinning(runs, run -> run <= 60 ? 2_000 : 200);

        JuliaParams problem = SpeedCheck.sizeProblem(lateCompiled);

        System.out.println("late-compiled kernel sized to resolution " + problem.resolution() + " after " + runs.get() + " runs");
        assertThat(problem.resolution()).isBetween(120, 165);
    }

    @Test
    void anInterrupt_endsTheSizingAfterOneRound_withoutSizingAgain() {
        // 0.2 us a cell: 2 ms a run at the sizing resolution, outside the band, so an uninterrupted
        // sizing would scale the problem and warm it up again
        AtomicInteger runs = new AtomicInteger();
        Kernel spinning = spinning(runs, run -> 200);

        Thread.currentThread().interrupt();
        JuliaParams problem;
        try {
            problem = SpeedCheck.sizeProblem(spinning);
        } finally {
            assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
        }

        assertThat(runs.get()).as("one round of the warm-up").isEqualTo(20);
        assertThat(problem.resolution()).isEqualTo(100);
    }

    /**
     * A kernel named {@code scalar} that computes nothing and spins {@code cellNanos} of its run
     * number (1 for its first run) per cell, counting its runs in {@code runs}.
     */
    private static Kernel spinning(AtomicInteger runs, java.util.function.IntToLongFunction cellNanos) {
        return new Kernel() {
            @Override
            public String name() {
                return "scalar";
            }

            @Override
            public void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd) {
                long end = System.nanoTime() + cellNanos.applyAsLong(runs.incrementAndGet()) * params.size() * (rowEnd - rowStart);
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
            }
        };
    }

    @Test
    void aKernelThatThrows_failsTheCheckWithItsCause_afterEveryThreadHasEnded() {
        Kernel failing = new Kernel() {
            @Override
            public String name() {
                return "scalar"; // a registered kernel's name: one that runs in Java is checked
            }

            @Override
            public void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd) {
                // the sizing's warm-up runs on the caller and works; the check's threads then fail
                if (Thread.currentThread().getName().startsWith(SpeedCheck.THREAD_PREFIX)) {
                    throw new ArithmeticException("lane overflow");
                }
                Kernels.reference().computeRows(params, counts, rowStart, rowEnd);
            }
        };
        SpeedCheck speed = new SpeedCheck(List.of(failing), 3);

        assertThatThrownBy(speed::check).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("speed check of kernel scalar failed").hasRootCauseInstanceOf(ArithmeticException.class);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith(SpeedCheck.THREAD_PREFIX));
        assertThat(speed.result().checks()).isEmpty();
    }

    @Test
    void aStrategysNativeKernel_isLeftOut_forOnlyItsStrategyMayCallIt() {
        Kernel nativeOnly = new Kernel() {
            @Override
            public String name() {
                return "c-avx512";
            }

            @Override
            public void computeRows(JuliaParams params, int[] counts, int rowStart, int rowEnd) {
                throw new UnsupportedOperationException("the c-avx512 kernel is native code that only the openmp strategy runs");
            }
        };
        SpeedCheck speed = new SpeedCheck(List.of(nativeOnly, Kernels.reference()), 1);

        speed.check();

        assertThat(speed.result().checks()).extracting(MachineSpeed.Check::kernel).containsExactly("scalar");
    }

    @Test
    void theCpuIsRead_afterTheName_evenWithSpacesAndParenthesesInIt() {
        assertThat(SpeedCheck.processor(STAT)).isEqualTo(3);
        assertThat(SpeedCheck.processor("4242 (short) R 1 2")).isEqualTo(-1);
        assertThat(SpeedCheck.processor("garbage")).isEqualTo(-1);
        if (java.nio.file.Files.exists(java.nio.file.Path.of("/proc/thread-self/stat"))) {
            assertThat(SpeedCheck.currentCpu()).isBetween(0, Runtime.getRuntime().availableProcessors() - 1);
        }
    }

    @Test
    void twoThreadsOnOneCpu_orAThreadThatChangedCpu_disturbTheCheck_whileUnknownCpusDoNot() {
        assertThat(SpeedCheck.disturbed(new MachineSpeed.Check(1, "scalar", List.of(4.0, 8.0), List.of(0, 0)))).isTrue();
        assertThat(SpeedCheck.disturbed(new MachineSpeed.Check(1, "scalar", List.of(4.0, 6.0), List.of(0, -1)))).isTrue();
        assertThat(SpeedCheck.disturbed(new MachineSpeed.Check(1, "scalar", List.of(4.0, 4.0), List.of(0, 1)))).isFalse();
        assertThat(SpeedCheck.disturbed(new MachineSpeed.Check(1, "scalar", List.of(4.0, 4.0), List.of(-1, -1)))).isFalse();
    }

    @Test
    void aCheckNeedsAThread() {
        assertThatThrownBy(() -> new SpeedCheck(List.of(Kernels.reference()), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one thread");
    }
}
