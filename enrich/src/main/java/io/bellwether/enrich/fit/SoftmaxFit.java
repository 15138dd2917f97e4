package io.bellwether.enrich.fit;

import java.util.Arrays;
import java.util.List;

/**
 * Multinomial logistic regression on sparse rows: L2 on every weight but the bias, full-batch
 * gradient descent from zero for a fixed number of steps, so a fit is deterministic. Row {@code x} holds feature
 * indexes (0 is the bias, always present) and {@code v} their values; the loss is the weighted mean over rows.
 */
public final class SoftmaxFit {
    /** One training row: sparse features, the target class and the row's weight in the loss. */
    public record Row(int[] x, double[] v, int target, double weight) {
        public Row {
            if (!(weight > 0.0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("a row's weight must be positive and finite: " + weight);
            }
        }

        /** A row of weight 1. */
        public Row(int[] x, double[] v, int target) {
            this(x, v, target, 1.0);
        }
    }

    private final int classes;
    private final int features;
    private final double l2;
    private final int steps;
    private final double rate;

    public SoftmaxFit(int classes, int features, double l2, int steps, double rate) {
        this.classes = classes;
        this.features = features;
        this.l2 = l2;
        this.steps = steps;
        this.rate = rate;
    }

    public double[][] fit(List<Row> rows) {
        double[][] w = new double[classes][features];
        double[][] gradient = new double[classes][features];
        double total = rows.stream().mapToDouble(Row::weight).sum();
        for (int step = 0; step < steps; step++) {
            for (double[] g : gradient) {
                Arrays.fill(g, 0.0);
            }
            for (Row row : rows) {
                double[] p = probabilities(w, row.x(), row.v());
                for (int k = 0; k < classes; k++) {
                    double error = (p[k] - (row.target() == k ? 1.0 : 0.0)) * row.weight() / total;
                    for (int at = 0; at < row.x().length; at++) {
                        gradient[k][row.x()[at]] += error * row.v()[at];
                    }
                }
            }
            for (int k = 0; k < classes; k++) {
                for (int j = 0; j < features; j++) {
                    w[k][j] -= rate * (gradient[k][j] + (j == 0 ? 0.0 : l2 * w[k][j]));
                }
            }
        }
        return w;
    }

    public static double[] probabilities(double[][] w, int[] x, double[] v) {
        double[] scores = new double[w.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < w.length; k++) {
            for (int at = 0; at < x.length; at++) {
                scores[k] += w[k][x[at]] * v[at];
            }
            max = Math.max(max, scores[k]);
        }
        double total = 0.0;
        for (int k = 0; k < w.length; k++) {
            scores[k] = Math.exp(scores[k] - max);
            total += scores[k];
        }
        for (int k = 0; k < w.length; k++) {
            scores[k] /= total;
        }
        return scores;
    }

    public static int best(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }
}
