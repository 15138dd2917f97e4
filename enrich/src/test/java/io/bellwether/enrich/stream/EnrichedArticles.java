package io.bellwether.enrich.stream;

import io.bellwether.avro.EnrichedArticle;
import java.time.Instant;
import java.util.List;

/** Minimal enriched articles for the story stage's unit tests: only the id and the event time matter there. */
final class EnrichedArticles {
    private EnrichedArticles() {
    }

    static EnrichedArticle of(String id, Instant publishedAt) {
        return EnrichedArticle.newBuilder().setId(id).setSource("s").setUrl(null).setTitle("t")
                .setPublishedAt(publishedAt).setLanguage("en").setWordCount(2).setSentiment(0.0)
                .setEntities(List.of()).setSentences(List.of()).setNarratives(List.of()).setPipelineVersion("v")
                .build();
    }
}
