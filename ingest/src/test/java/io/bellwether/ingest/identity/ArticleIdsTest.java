package io.bellwether.ingest.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArticleIdsTest {
    private final ArticleIds ids = new ArticleIds();
    private final UrlCanonicalizer urls = new UrlCanonicalizer();

    @Test
    void givesEverySpellingOfOneUrlTheSameId() {
        String plain = ids.idFor(urls.canonicalize("https://news.example/open-models"), "a", null, "T",
                Optional.empty());
        String tracked = ids.idFor(urls.canonicalize("https://NEWS.example:443/open-models/?utm_source=rss#top"),
                "other source", "guid-1", "Other title", Optional.of(Instant.EPOCH));
        assertThat(tracked).isEqualTo(plain);
    }

    @Test
    void isThirtyTwoLowerCaseHexCharacters() {
        assertThat(ids.idFor(Optional.of("https://n.example/"), "s", null, "t", Optional.empty()))
                .hasSize(32).matches("[0-9a-f]{32}");
    }

    @Test
    void usesSourceAndGuidWhenThereIsNoUrl() {
        String first = ids.idFor(Optional.empty(), "wire", "item-42", "Title A", Optional.empty());
        assertThat(ids.idFor(Optional.empty(), "wire", "item-42", "Title B", Optional.of(Instant.EPOCH)))
                .isEqualTo(first);
        assertThat(ids.idFor(Optional.empty(), "other wire", "item-42", "Title A", Optional.empty()))
                .isNotEqualTo(first);
    }

    @Test
    void fallsBackToSourceTitleAndStatedTime() {
        Instant may = Instant.parse("2025-05-01T08:00:00Z");
        String first = ids.idFor(Optional.empty(), "desk", null, "Open weights win", Optional.of(may));
        assertThat(ids.idFor(Optional.empty(), "desk", " ", "Open weights win", Optional.of(may))).isEqualTo(first);
        assertThat(ids.idFor(Optional.empty(), "desk", null, "Open weights win", Optional.of(may.plusSeconds(1))))
                .isNotEqualTo(first);
        assertThat(ids.idFor(Optional.empty(), "desk", null, "Open weights win", Optional.empty()))
                .isNotEqualTo(first);
    }

    @Test
    void keepsTheRulesApartSoAGuidCannotCollideWithAUrl() {
        String byUrl = ids.idFor(Optional.of("https://n.example/x"), "s", null, "t", Optional.empty());
        String byGuid = ids.idFor(Optional.empty(), "s", "https://n.example/x", "t", Optional.empty());
        assertThat(byGuid).isNotEqualTo(byUrl);
    }
}
