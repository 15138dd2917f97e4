package io.bellwether.enrich.offline;

import java.util.List;
import java.util.Locale;

/**
 * Counts of gold label against predicted label over a fixed label set, with accuracy and macro-F1 (the mean of
 * per-label F1; a label with no gold and no predicted item counts F1 = 0 only if it has either).
 */
public final class ConfusionMatrix {
    private final List<String> labels;
    private final int[][] counts;

    public ConfusionMatrix(List<String> labels) {
        this.labels = List.copyOf(labels);
        this.counts = new int[labels.size()][labels.size()];
    }

    public void add(String gold, String predicted) {
        counts[indexOf(gold)][indexOf(predicted)]++;
    }

    public int count(String gold, String predicted) {
        return counts[indexOf(gold)][indexOf(predicted)];
    }

    public int total() {
        int total = 0;
        for (int[] row : counts) {
            for (int cell : row) {
                total += cell;
            }
        }
        return total;
    }

    public double accuracy() {
        int correct = 0;
        for (int i = 0; i < labels.size(); i++) {
            correct += counts[i][i];
        }
        return total() == 0 ? 0.0 : (double) correct / total();
    }

    /** Mean F1 over the labels that occur in gold or predictions. */
    public double macroF1() {
        double sum = 0.0;
        int present = 0;
        for (int i = 0; i < labels.size(); i++) {
            int gold = 0;
            int predicted = 0;
            for (int j = 0; j < labels.size(); j++) {
                gold += counts[i][j];
                predicted += counts[j][i];
            }
            if (gold + predicted == 0) {
                continue;
            }
            present++;
            sum += 2.0 * counts[i][i] / (gold + predicted);
        }
        return present == 0 ? 0.0 : sum / present;
    }

    /** The matrix as text: one row per gold label, one column per predicted label. */
    public String render() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-12s", "gold\\pred"));
        labels.forEach(label -> out.append(String.format(Locale.ROOT, "%12s", label)));
        out.append('\n');
        for (int i = 0; i < labels.size(); i++) {
            out.append(String.format(Locale.ROOT, "%-12s", labels.get(i)));
            for (int j = 0; j < labels.size(); j++) {
                out.append(String.format(Locale.ROOT, "%12d", counts[i][j]));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private int indexOf(String label) {
        int index = labels.indexOf(label);
        if (index < 0) {
            throw new IllegalArgumentException("unknown label " + label + "; expected one of " + labels);
        }
        return index;
    }
}
