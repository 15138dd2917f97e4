package io.bellwether.enrich.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoftmaxFitTest {
    private final SoftmaxFit fit = new SoftmaxFit(2, 3, 0.01, 500, 1.0);

    private static SoftmaxFit.Row row(int feature, int target, double weight) {
        return new SoftmaxFit.Row(new int[] {0, feature}, new double[] {1.0, 1.0}, target, weight);
    }

    @Test
    void aRowOfWeightThreeWeighsAsThreeCopiesOfIt() {
        List<SoftmaxFit.Row> copies = new ArrayList<>(List.of(row(1, 0, 1.0), row(2, 1, 1.0)));
        copies.add(row(1, 0, 1.0));
        copies.add(row(1, 0, 1.0));
        double[][] weighted = fit.fit(List.of(row(1, 0, 3.0), row(2, 1, 1.0)));
        double[][] copied = fit.fit(copies);
        for (int k = 0; k < 2; k++) {
            for (int j = 0; j < 3; j++) {
                assertThat(weighted[k][j]).isCloseTo(copied[k][j], offset(1e-12));
            }
        }
    }

    @Test
    void aHeavierMinorityRowMovesTheBiasTowardItsClass() {
        double[][] plain = fit.fit(List.of(row(1, 0, 1.0), row(1, 0, 1.0), row(1, 0, 1.0), row(2, 1, 1.0)));
        double[][] balanced = fit.fit(List.of(row(1, 0, 2.0 / 3), row(1, 0, 2.0 / 3), row(1, 0, 2.0 / 3),
                row(2, 1, 2.0)));
        assertThat(balanced[1][0] - balanced[0][0]).isGreaterThan(plain[1][0] - plain[0][0]);
    }

    @Test
    void refusesARowWithoutPositiveWeight() {
        assertThatThrownBy(() -> row(1, 0, 0.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> row(1, 0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
