package io.bellwether.enrich.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    @Test
    void computesAccuracyAndMacroF1() {
        ConfusionMatrix matrix = new ConfusionMatrix(List.of("a", "b", "c"));
        // gold a: 3 right, 1 as b; gold b: 2 right; gold c: 1 as a.
        for (int i = 0; i < 3; i++) {
            matrix.add("a", "a");
        }
        matrix.add("a", "b");
        matrix.add("b", "b");
        matrix.add("b", "b");
        matrix.add("c", "a");

        assertThat(matrix.total()).isEqualTo(7);
        assertThat(matrix.accuracy()).isCloseTo(5.0 / 7.0, within(1e-9));
        // F1(a) = 2*3/(4+4) = 0.75, F1(b) = 2*2/(2+3) = 0.8, F1(c) = 0.
        assertThat(matrix.macroF1()).isCloseTo((0.75 + 0.8 + 0.0) / 3.0, within(1e-9));
        assertThat(matrix.count("c", "a")).isEqualTo(1);
    }

    @Test
    void leavesOutLabelsThatNeverOccur() {
        ConfusionMatrix matrix = new ConfusionMatrix(List.of("a", "b", "unused"));
        matrix.add("a", "a");
        matrix.add("b", "b");

        assertThat(matrix.macroF1()).isEqualTo(1.0);
        assertThat(matrix.render()).contains("unused");
    }
}
