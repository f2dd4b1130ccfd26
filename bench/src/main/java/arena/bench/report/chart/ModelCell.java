package arena.bench.report.chart;

import java.util.Objects;

/**
 * One cell of the "which model" heat map ({@link Charts#writeWhichModel}): a model's median time at one
 * column (a schedule) of one panel (a thread count), as a ratio to the fastest model of that column.
 * Immutable.
 *
 * @param panel  the panel, e.g. {@code "2 threads"}; not blank
 * @param model  the row, a strategy; not blank
 * @param column the column, e.g. {@code "dynamic:1"}; not blank
 * @param ratio  median / the column's fastest median, finite and at least 1
 * @param tied   whether the model cannot be told apart from the fastest (then drawn as 1.00)
 */
public record ModelCell(String panel, String model, String column, double ratio, boolean tied) {

    /** @throws IllegalArgumentException for a blank name or a ratio that is not finite and at least 1 */
    public ModelCell {
        for (String name : new String[] {panel, model, column}) {
            if (Objects.requireNonNull(name, "names").isBlank()) {
                throw new IllegalArgumentException("panel, model and column must not be blank");
            }
        }
        if (!Double.isFinite(ratio) || ratio < 1) {
            throw new IllegalArgumentException("ratio must be finite and >= 1, got " + ratio);
        }
    }

    /** The value drawn: 1 for a model tied for best, else its ratio. */
    public double drawn() {
        return tied ? 1 : ratio;
    }
}
