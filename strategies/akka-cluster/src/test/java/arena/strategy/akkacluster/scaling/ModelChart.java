package arena.strategy.akkacluster.scaling;

import java.util.List;
import java.util.Locale;

/**
 * Predicted against measured wall time as a standalone SVG (bench's chart code is not on this
 * module's class path): log-log axes, the line where the two agree, one dot per measured point,
 * coloured by part and labelled with its setting (to its left in the right half, moved down a line past labels it would
 * cross). Stateless.
 */
final class ModelChart {

    private static final int SIZE = 640;
    private static final int MARGIN = 70;
    private static final List<String> COLOURS = List.of("#1f77b4", "#d62728", "#2ca02c");

    private ModelChart() {
    }

    /** The SVG document for {@code measured} with {@code model}'s predictions. */
    static String svg(List<Measured> measured, CostModel model) {
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (Measured m : measured) {
            double predicted = model.terms(m.point(), m.iterations()).predicted();
            lo = Math.min(lo, Math.min(m.medianNanos(), predicted));
            hi = Math.max(hi, Math.max(m.medianNanos(), predicted));
        }
        double min = Math.log10(lo / 1e6) - 0.1;
        double max = Math.log10(hi / 1e6) + 0.1;
        StringBuilder svg = new StringBuilder();
        svg.append(format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n",
                SIZE, SIZE));
        svg.append(format("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", SIZE, SIZE));
        svg.append(format("<text x=\"%d\" y=\"20\" font-size=\"14\">akka-cluster: predicted against measured wall time (ms, log)</text>%n",
                MARGIN));
        for (double decade = Math.floor(min); decade <= max; decade++) {
            for (int step : new int[] {1, 2, 5}) {
                double tick = decade + Math.log10(step);
                if (tick < min || tick > max) {
                    continue;
                }
                double at = scale(tick, min, max);
                String label = format("%s", Math.pow(10, tick) >= 1 ? format("%.0f", Math.pow(10, tick)) : format("%.2g", Math.pow(10, tick)));
                svg.append(format("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n", at, MARGIN, at, SIZE - MARGIN));
                svg.append(format("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", MARGIN, flip(at), SIZE - MARGIN,
                        flip(at)));
                svg.append(format("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", at, SIZE - MARGIN + 16, label));
                svg.append(format("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", MARGIN - 6, flip(at) + 4, label));
            }
        }
        svg.append(format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>%n",
                MARGIN, SIZE - MARGIN, SIZE - MARGIN, MARGIN));
        svg.append(format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">measured (median of repeats)</text>%n", SIZE / 2, SIZE - 25));
        svg.append(format("<text x=\"18\" y=\"%d\" transform=\"rotate(-90 18 %d)\" text-anchor=\"middle\">predicted by the cost model</text>%n",
                SIZE / 2, SIZE / 2));
        List<double[]> placed = new java.util.ArrayList<>();
        for (Measured m : measured) {
            double x = scale(Math.log10(m.medianNanos() / 1e6), min, max);
            double y = flip(scale(Math.log10(model.terms(m.point(), m.iterations()).predicted() / 1e6), min, max));
            String colour = COLOURS.get("abc".indexOf(m.part()));
            svg.append(format("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>%n", x, y, colour));
            boolean right = x > SIZE / 2.0;
            double labelY = y - 4;
            while (overlaps(placed, x, labelY)) {
                labelY += 13;
            }
            placed.add(new double[] {x, labelY});
            svg.append(format("<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\" text-anchor=\"%s\">%s: %s</text>%n", right ? x - 6 : x + 6,
                    labelY, colour, right ? "end" : "start", m.part(), m.point().label()));
        }
        List<String> legend = List.of("a: coordinator capacity (loopback)", "b: network overhead (namespaces, proxy)",
                "c: speed-up (namespaces, pinned)");
        for (int k = 0; k < legend.size(); k++) {
            svg.append(format("<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n", MARGIN + 10, MARGIN + 14 + 14 * k, COLOURS.get(k), legend.get(k)));
        }
        return svg.append("</svg>\n").toString();
    }

    /** Whether a label at ({@code x}, {@code y}) would cross one already placed (a line high, about a label wide). */
    private static boolean overlaps(List<double[]> placed, double x, double y) {
        return placed.stream().anyMatch(p -> Math.abs(p[1] - y) < 13 && Math.abs(p[0] - x) < 160);
    }

    private static double scale(double log, double min, double max) {
        return MARGIN + (log - min) / (max - min) * (SIZE - 2 * MARGIN);
    }

    private static double flip(double y) {
        return SIZE - y;
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
