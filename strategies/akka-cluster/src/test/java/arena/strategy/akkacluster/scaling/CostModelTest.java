package arena.strategy.akkacluster.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cost model against points made by its own formula from known costs: fitting recovers the
 * costs, every point is predicted back, and the projections and the chart say what bounds each run.
 */
class CostModelTest {

    private static final CostModel KNOWN = new CostModel(50_000, 2.0, 400_000, 3.5, 2);

    private static Measured made(String part, Point point, long iterations) {
        return new Measured(part, point, KNOWN.terms(point, iterations).predicted(), iterations, 1.0, 3);
    }

    private static List<Measured> points() {
        List<Measured> points = new ArrayList<>();
        for (int grain : List.of(1, 4, 16)) {
            points.add(made("a", new Point(2, 8, 1999, 1, grain, 0), 2000L * 2000));
        }
        for (int delay : List.of(0, 1, 5)) {
            points.add(made("b", new Point(1, 1, 199, 1, 1, delay), 200L * 200));
        }
        for (int nodes = 3; nodes >= 1; nodes--) {
            points.add(made("c", new Point(nodes, 1, 1000, 1000, 4, 0), 240_889_100L));
        }
        return points;
    }

    @Test
    void fittedOnPointsOfKnownCosts_recoversTheCosts_andPredictsEveryPointBack() {
        CostModel fitted = CostModel.fit(points(), 2);

        assertThat(fitted.coordinatorNanosPerChunk()).isCloseTo(50_000, within(1.0));
        assertThat(fitted.coordinatorNanosPerByte()).isCloseTo(2.0, within(1e-6));
        assertThat(fitted.nanosPerIteration()).as("compute per iteration, with the round trip of b's 0 ms point")
                .isCloseTo(3.5, within(0.05));
        for (Measured m : points()) {
            assertThat(fitted.terms(m.point(), m.iterations()).predicted()).as(m.part() + " " + m.point().label())
                    .isCloseTo(m.medianNanos(), within(m.medianNanos() * 0.02));
        }
    }

    @Test
    void threeNodesOnTwoCores_computeAtTwoCoresRate_onlyTheRoundTripsSpreadOverMoreSlots() {
        CostModel.Terms two = KNOWN.terms(new Point(2, 1, 1000, 1000, 4, 0), 240_889_100L);
        CostModel.Terms three = KNOWN.terms(new Point(3, 1, 1000, 1000, 4, 0), 240_889_100L);

        assertThat(three.compute()).isEqualTo(two.compute());
        assertThat(three.predicted()).isLessThan(two.predicted()).isGreaterThan(two.compute());
        assertThat(two.predicted() - three.predicted()).as("what the third slot saves: a third of the round trips")
                .isCloseTo((Math.ceil(251 / 2.0) - Math.ceil(251 / 3.0)) * KNOWN.roundTripNanos(), within(1.0));
    }

    @Test
    void projections_asBuiltAtResolution20000_areBoundByTheCoordinatorsBytes_andCountsOnlyIsNot() {
        List<String> lines = Projections.csv(KNOWN, 240.0);

        assertThat(lines).filteredOn(line -> line.startsWith("r20000,256,8,1,") && line.contains(",as built,"))
                .singleElement().asString().endsWith(",coordinator bytes");
        assertThat(lines).filteredOn(line -> line.startsWith("r20000,256,8,1,") && line.contains(",counts only,"))
                .singleElement().asString().doesNotEndWith(",coordinator bytes");
        assertThat(lines).allSatisfy(line -> assertThat(line.split(",")).hasSize(Projections.HEADER.split(",").length));
    }

    @Test
    void chart_drawsOneDotPerPoint() {
        String svg = ModelChart.svg(points(), KNOWN);

        assertThat(svg).startsWith("<svg ").endsWith("</svg>\n");
        assertThat(svg.split("<circle ", -1)).hasSize(points().size() + 1);
    }
}
