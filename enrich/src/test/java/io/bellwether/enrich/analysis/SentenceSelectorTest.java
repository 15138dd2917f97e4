package io.bellwether.enrich.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.enrich.text.Sentence;
import io.bellwether.enrich.text.SimpleTokens;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SentenceSelectorTest {
    private final SimpleTokens simple = new SimpleTokens();

    @Test
    void fullPassParsesEverySentenceWhateverItsLength() {
        Sentence cue = simple.sentence(0, "open models are good");
        Sentence longOne = simple.sentence(1, "open models are good and cheap and fast and small");
        Sentence untracked = simple.sentence(2, "the weather was fine");

        SentenceSelector.Selection selection = new SentenceSelector(5, true)
                .select(List.of(cue, longOne, untracked), Set.of(0), Set.of());

        assertThat(selection.toParse()).containsExactly(cue, longOne, untracked);
        assertThat(selection.overCap()).isEmpty();
    }

    @Test
    void fullPassIsOffByDefaultAndNamedInTheSettingsDescription() {
        AnalyzerSettings defaults = AnalyzerSettings.defaults();

        assertThat(defaults.fullPass()).isFalse();
        assertThat(defaults.describe()).doesNotContain("fullPass");
        assertThat(defaults.withFullPass().describe()).endsWith(";fullPass");
    }
}
