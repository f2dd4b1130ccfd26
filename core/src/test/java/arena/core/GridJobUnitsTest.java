package arena.core;

import arena.core.kernel.ScalarKernel;
import arena.core.problem.Complex;
import arena.core.problem.JuliaParams;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The task-per-unit mapping that the executor, completable, virtual and reactive strategies share: one
 * unit per owner of a static plan, one per chunk of a shared plan, handed out in order until the job
 * stops. Tasks run here on the test's thread, in the order they were handed out.
 */
class GridJobUnitsTest {

    private static final JuliaParams PROBLEM = JuliaParams.of(40, new Complex(-0.4, 0.6));

    @Test
    void staticPlan_hasOneUnitPerOwner_neverMoreThanTheChunks() {
        assertThat(job(new Schedule.Static(5), 3).units()).isEqualTo(3);
        assertThat(job(new Schedule.Static(0), 60).units()).isEqualTo(job(new Schedule.Static(0), 60).plan().size());
    }

    @Test
    void sharedPlan_hasOneUnitPerChunk() {
        GridJob job = job(new Schedule.Guided(2), 3);

        assertThat(job.units()).isEqualTo(job.plan().size());
    }

    @Test
    void startUnits_handsOutEveryUnitOnce_andTheTasksComputeTheSequentialGrid() {
        for (Schedule schedule : List.of(new Schedule.Static(3), new Schedule.Dynamic(4), new Schedule.Guided(1))) {
            GridJob job = job(schedule, 3);
            List<Runnable> tasks = new ArrayList<>();

            job.startUnits(tasks::add);
            tasks.forEach(Runnable::run);

            assertThat(tasks).as("%s", schedule.spec()).hasSize(job.units());
            assertThat(CountGrid.difference(sequential(), job.finish())).as("%s", schedule.spec()).isEmpty();
        }
    }

    @Test
    void startUnits_handsOutNoMore_onceTheJobIsStopped() {
        GridJob job = job(new Schedule.Dynamic(1), 2);
        List<Runnable> tasks = new ArrayList<>();

        job.startUnits(task -> {
            tasks.add(task);
            if (tasks.size() == 3) {
                job.cancel("the caller gave up");
            }
        });

        assertThat(tasks).hasSize(3);
    }

    @Test
    void startUnits_letsTheStartersRefusalThrough_andHandsOutNoMore() {
        GridJob job = job(new Schedule.Dynamic(1), 2);
        List<Runnable> tasks = new ArrayList<>();
        RejectedExecutionException refused = new RejectedExecutionException("the pool is closed");

        assertThatThrownBy(() -> job.startUnits(task -> {
            if (tasks.size() == 2) {
                throw refused;
            }
            tasks.add(task);
        })).isSameAs(refused);
        assertThat(tasks).hasSize(2);
    }

    private static GridJob job(Schedule schedule, int workers) {
        return new GridJob("test", PROBLEM, new Execution(schedule, ScalarKernel.INSTANCE), workers);
    }

    private static CountGrid sequential() {
        GridJob reference = new GridJob("reference", PROBLEM, Execution.reference(), 1);
        reference.compute(new RowRange(0, PROBLEM.size()));
        return reference.finish();
    }
}
