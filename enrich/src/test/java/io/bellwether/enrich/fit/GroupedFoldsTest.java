package io.bellwether.enrich.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupedFoldsTest {
    private final GroupedFolds folds = new GroupedFolds(5);

    @Test
    void putsEveryArticleOfASiteInTheSameFoldOnEveryRun() {
        assertThat(folds.foldOf("example.com")).isEqualTo(new GroupedFolds(5).foldOf("example.com"));
        // SHA-256("example.com") begins a3 79 a6 f6: 0xa379a6f6 = 2742658806, mod 5 = 1.
        assertThat(folds.foldOf("example.com")).isEqualTo(1);
    }

    @Test
    void spreadsManySitesOverAllFolds() {
        Set<Integer> used = new HashSet<>();
        for (int site = 0; site < 50; site++) {
            int fold = folds.foldOf("site-" + site + ".example");
            assertThat(fold).isBetween(0, 4);
            used.add(fold);
        }
        assertThat(used).hasSize(5);
    }

    @Test
    void refusesFewerThanTwoFolds() {
        assertThatThrownBy(() -> new GroupedFolds(1)).hasMessageContaining("at least 2 folds");
    }
}
