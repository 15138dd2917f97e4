package io.bellwether.ingest.article;

import io.bellwether.avro.Article;

/** An article with its stable id and event time, ready to publish. */
public record Ready(Article article) implements Assembly {
}
