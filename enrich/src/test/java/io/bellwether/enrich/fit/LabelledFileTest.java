package io.bellwether.enrich.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabelledFileTest {
    private final LabelledFile file = new LabelledFile();

    @Test
    void readsTheOptionalNarrativeGroupAndEntities() {
        LabelledArticle article = file.parse("{\"id\":\"a\",\"title\":\"T\",\"text\":\"Body\",\"label\":\"neutral\","
                + "\"narrative\":\"ai-regulation\",\"group\":\"example.com\",\"entities\":[\"Meta\"]}", "f:1");

        assertThat(article.narrativeId()).isEqualTo("ai-regulation");
        assertThat(article.group()).isEqualTo("example.com");
        assertThat(article.entities()).containsExactly("Meta");
    }

    @Test
    void defaultsToTheFlagshipNarrativeAndAGroupPerArticle() {
        LabelledArticle article = file.parse("{\"id\":\"a\",\"text\":\"Body\",\"label\":\"pro_open\"}", "f:1");

        assertThat(article.narrative()).isEqualTo(Optional.empty());
        assertThat(article.narrativeId()).isEqualTo("open-vs-closed-ai");
        assertThat(article.group()).isEqualTo("a");
        assertThat(article.entities()).isEqualTo(List.of());
    }

    @Test
    void namesTheLineAndTheProblemOfABadLine() {
        assertThatThrownBy(() -> file.parse("{\"id\":\"a\",\"text\":\"x\",\"label\":\"positive\"}", "gold.jsonl:7"))
                .hasMessage("gold.jsonl:7: label must be one of [pro_open, pro_closed, neutral, irrelevant], got"
                        + " 'positive'");
        assertThatThrownBy(() -> file.parse("{\"id\":\"a\",\"label\":\"neutral\"}", "gold.jsonl:8"))
                .hasMessage("gold.jsonl:8: missing or empty \"text\"");
        assertThatThrownBy(() -> file.parse("not json", "gold.jsonl:9")).hasMessageStartingWith(
                "gold.jsonl:9: not a JSON object");
    }
}
