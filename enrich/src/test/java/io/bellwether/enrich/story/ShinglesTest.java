package io.bellwether.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShinglesTest {
    private final Shingles threes = new Shingles(3);

    @Test
    void ignoresCasePunctuationAndCompatibilityForms() {
        assertThat(threes.of("Open-weight models, again!")).isEqualTo(threes.of("open weight MODELS again"));
        // NFKC: the ligature "ﬁ" and full-width letters are the plain letters.
        assertThat(threes.of("ﬁne ｔｕｎｅｄ model")).isEqualTo(threes.of("fine tuned model"));
    }

    @Test
    void givesOneShinglePerRunOfWordsDistinctAndSorted() {
        assertThat(threes.of("a b c d e")).hasSize(3).isSorted();
        assertThat(threes.of("a b c a b c")).as("the repeated run counts once").hasSize(3);
        assertThat(threes.of("two words")).as("a text shorter than a shingle is one shingle").hasSize(1);
        assertThat(threes.of(" -- ")).isEmpty();
    }

    @Test
    void isTheSameOnEveryRun() {
        assertThat(new Shingles(3).of("Harbour authority approves a terminal"))
                .isEqualTo(threes.of("Harbour authority approves a terminal"));
    }

    @Test
    void refusesAShingleSizeOutOfRange() {
        assertThatThrownBy(() -> new Shingles(0)).hasMessageContaining("1..8");
    }
}
