package arena.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import arena.bench.measure.RunQueueWait.Counters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Run-queue waits: the kernel's counters read as they are written, and a real wait seen when other processes take the CPUs. */
class RunQueueWaitTest {

    @Test
    void aSchedstatLine_givesTimeOnCpuAndTimeWaiting() {
        assertThat(RunQueueWait.parseSchedstat("401346641 61033393 655\n")).isEqualTo(new Counters(401346641L, 61033393L));
        assertThat(RunQueueWait.parseSchedstat("")).isNull();
    }

    @Test
    void theJvmsServiceThreadsAreLeftOut_workersAndTheMainThreadCount() {
        assertThat(List.of("java", "ForkJoinPool-1-", "arena-openmp-0", "akka.actor.def", "worker-3"))
                .allMatch(RunQueueWait::isWorking);
        assertThat(List.of("C2 CompilerThre", "C1 CompilerThre", "GC Thread#1", "G1 Refine#0", "VM Thread", "VM Periodic Tas",
                "Monitor Deflati", "Common-Cleaner")).noneMatch(RunQueueWait::isWorking);
    }

    @Test
    void everyThreadsWaitCounts_aStarvedOneInFull_andANewOneFromZero() {
        Map<Long, Counters> before = Map.of(1L, new Counters(100, 10), 2L, new Counters(500, 50), 4L, new Counters(7, 7));
        Map<Long, Counters> after = Map.of(1L, new Counters(2_100_000, 1_000_010), // ran, and waited 1 ms
                2L, new Counters(500, 3_000_050), // never got a CPU: waited 3 ms
                3L, new Counters(10, 2_000_000), // started in between, waited 2 ms
                4L, new Counters(9_000_007, 7)); // ran without waiting
        assertThat(RunQueueWait.waitedMs(before, after)).isEqualTo(6.0);
    }

    @Test
    void aBusyThread_waitsWhileOtherProcessesHoldEveryCpu() throws Exception {
        assumeTrue(!RunQueueWait.read().isEmpty(), "no /proc/self/task/*/schedstat here (not Linux)");
        int cpus = Runtime.getRuntime().availableProcessors();
        List<Process> hogs = new ArrayList<>();
        try {
            for (int i = 0; i < cpus; i++) {
                hogs.add(new ProcessBuilder("sh", "-c", "while :; do :; done").start());
            }
            Map<Long, Counters> before = RunQueueWait.read();
            long end = System.nanoTime() + 600_000_000L;
            long spins = 0;
            while (System.nanoTime() < end) {
                spins++;
            }
            double waited = RunQueueWait.waitedMs(before, RunQueueWait.read());
            System.out.printf("busy 600 ms beside %d busy processes on %d CPUs: waited %.1f ms (%d spins)%n", cpus, cpus, waited, spins);
            // cpus + 1 runnable on cpus CPUs: a fair scheduler leaves this thread waiting about a (cpus + 1)-th of the time
            assertThat(waited).isGreaterThan(30.0);
        } finally {
            hogs.forEach(Process::destroyForcibly);
            for (Process hog : hogs) {
                hog.waitFor();
            }
        }
    }
}
