package arena.core.kernel;

import arena.core.GridSummary;
import arena.core.CountGrid;
import arena.core.problem.JuliaParams;
import arena.core.testkit.GoldenCases;
import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The vector kernel keeps as many vectors in flight as the CPU's vector registers hold: 6 with 8 lanes
 * (AVX-512, 32 registers), 3 with fewer (AVX2, 16). Both widths give the same counts; the kernel
 * tests run the width this CPU does not get through {@link #theOtherWidth()}.
 */
class VectorKernelWidthTest {

    /** The vector kernel with the number of vectors in flight that {@link VectorSupport#kernel()} does not use here. */
    static Kernel theOtherWidth() {
        return new VectorKernel(VectorKernel.INSTANCE.vectors() == VectorKernel.WIDE ? VectorKernel.NARROW : VectorKernel.WIDE);
    }

    @Test
    void eightLanes_getSixVectorsInFlight_fewerLanesGetThree() {
        int lanes = DoubleVector.SPECIES_PREFERRED.length();
        System.out.println("this CPU: " + VectorSupport.kernel() + "; also tested: " + theOtherWidth());
        assertThat(VectorKernel.INSTANCE.vectors()).as("vectors in flight with %d lanes", lanes).isEqualTo(lanes >= 8 ? 6 : 3);
    }

    @Test
    void bothWidths_giveTheChaptersGoldenGrid() {
        GoldenCases.all().stream().filter(golden -> golden.params().equals(JuliaParams.chapterCase())).findFirst().ifPresentOrElse(golden -> {
            for (int vectors : new int[] {VectorKernel.WIDE, VectorKernel.NARROW}) {
                VectorKernel kernel = new VectorKernel(vectors);
                JuliaParams params = golden.params();
                CountGrid grid = new CountGrid(params.size(), FastKernelsTest.grid(kernel, params));
                assertThat(GridSummary.of(grid, params.nMax())).as("%s", kernel).isEqualTo(golden.expected());
            }
        }, () -> {
            throw new AssertionError("the golden cases have no chapter case");
        });
    }

    @Test
    void anyOtherNumberOfVectors_isRefused() {
        assertThatThrownBy(() -> new VectorKernel(4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("vectors in flight must be 6 or 3, was 4");
    }
}
