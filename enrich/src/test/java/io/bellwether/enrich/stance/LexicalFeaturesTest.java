package io.bellwether.enrich.stance;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.enrich.text.SimpleTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LexicalFeaturesTest {
    private final SimpleTokens tokens = new SimpleTokens();
    private final LexicalFeatures lexical = new LexicalFeatures();

    @Test
    void namesEachLemmaAndEachAdjacentPairLowerCased() {
        Map<String, Double> features = lexical.of(List.of(tokens.sentence(0, "Open Weights matter")));

        assertThat(features).containsOnlyKeys("w:open", "w:weight", "w:matter", "w:open weight", "w:weight matter")
                .allSatisfy((name, value) -> assertThat(value).isEqualTo(1.0));
    }

    @Test
    void leavesOutTokensWithoutALetterAndDoesNotPairAcrossThem() {
        Map<String, Double> features = lexical.of(List.of(tokens.sentence(0, "closed , 2026 labs")));

        assertThat(features).containsOnlyKeys("w:closed", "w:lab");
    }

    @Test
    void doesNotPairTheLastWordOfOneSentenceWithTheFirstOfTheNext() {
        Map<String, Double> features = lexical.of(List.of(tokens.sentence(0, "open"), tokens.sentence(1, "source")));

        assertThat(features).containsOnlyKeys("w:open", "w:source");
    }
}
