package io.bellwether.schemas;

import io.bellwether.avro.Article;
import java.time.Instant;

/** Small valid records for the schema tests. */
final class SampleRecords {
    private SampleRecords() {
    }

    static Article article(String id) {
        return Article.newBuilder()
                .setId(id)
                .setSource("Harbor Tech Daily")
                .setUrl("https://example.org/" + id)
                .setTitle("Community lab publishes model weights")
                .setBody("A small lab put its weights online under a permissive licence.")
                .setPublishedAt(Instant.parse("2026-10-04T09:15:00Z"))
                .setIngestedAt(Instant.parse("2026-10-04T09:16:00Z"))
                .build();
    }
}
